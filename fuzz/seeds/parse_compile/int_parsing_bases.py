print(int("101", 2), int("777", 8), int("ff", 16), int("FF", 16), int("zz", 36))
print(int("0b1010", 0), int("0o777", 0), int("0xDEAD", 0), int("123", 0))
print(int("-0x10", 16), int("+0b11", 2), int("  42\n"), int("1_000_000"), int("0x_ff", 16))
print(int("00012"), int("-000"), int("0", 0))
for bad in ["1.5", "", "0x", "1__0", "_1", "12 3"]:
    try:
        print(repr(bad), int(bad))
    except ValueError as e:
        print("ValueError:", e)
