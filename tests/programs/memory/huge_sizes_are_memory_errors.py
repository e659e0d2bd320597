# Widths and repeat counts too large to allocate raise MemoryError (or
# CPython's ValueError/OverflowError) instead of aborting.
tests = [
    ('"%2000000000000d" % 1', lambda: "%2000000000000d" % 1),
    ('"%*d" % (2**40, 1)', lambda: "%*d" % (2**40, 1)),
    ('"%2000000000000s" % "a"', lambda: "%2000000000000s" % "a"),
    ('f"{1:2000000000000}"', lambda: f"{1:2000000000000}"),
    ('"{:>2000000000000}".format("a")', lambda: "{:>2000000000000}".format("a")),
    ('format(1.5,"2000000000000")', lambda: format(1.5,"2000000000000")),
    ('format(10**30,"2000000000000x")', lambda: format(10**30,"2000000000000x")),
    ('format(1.5, ".2000000000000f")', lambda: format(1.5, ".2000000000000f")),
    ('"%.2000000000000f" % 1.5', lambda: "%.2000000000000f" % 1.5),
    ('format("a", ".2000000000000")', lambda: format("a", ".2000000000000")),
    ('"%.*f" % (2**40, 1.0)', lambda: "%.*f" % (2**40, 1.0)),
    ('format(1, "99999999999999999999")', lambda: format(1, "99999999999999999999")),
    ('"a" * 2**40', lambda: "a" * 2**40),
    ('[0] * 2**40', lambda: [0] * 2**40),
    ('"%2000000000000.3f" % 1.5', lambda: "%2000000000000.3f" % 1.5),
    ('format(1.5, "2000000000000e")', lambda: format(1.5, "2000000000000e")),
    ('"ab".center(2**40)', lambda: "ab".center(2**40)),
    ('"ab".ljust(2**40)', lambda: "ab".ljust(2**40)),
    ('"ab".zfill(2**40)', lambda: "ab".zfill(2**40)),
    ('"x".rjust(2**62)', lambda: "x".rjust(2**62)),
    ('"{:2000000000000}".format(2.5)', lambda: "{:2000000000000}".format(2.5)),
    ('"{0:{1}}".format(1, 2**40)', lambda: "{0:{1}}".format(1, 2**40)),
]
for t, f in tests:
    try:
        r = f()
        print(t, "->", len(r))
    except Exception as e:
        print(t, "->", type(e).__name__, e)
for make in (list, tuple, sorted):
    try:
        make(range(2**40))
    except MemoryError as e:
        print(make.__name__, "MemoryError", repr(e))
