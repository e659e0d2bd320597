for s in ["1", "1.5", "-2.25", "1e5", "1E-5", ".5", "5.", "  3.0  ", "inf", "-INF", "Infinity", "nan", "NaN", "1_000.5", "+1.0"]:
    print(repr(s), float(s))
for bad in ["", "abc", "1.2.3", "1e", "--1", "1_", "0x10"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
