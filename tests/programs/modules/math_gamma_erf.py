# math.gamma / lgamma (CPython's Lanczos approximation) and math.erf / erfc
# (the C library's): values across the range, poles, overflow and specials.
import math

points = [i / 4 for i in range(-40, 60) if i % 4] + [0.5, 1.5, 2.5, 5.5, 10.1,
          23.0, 24.0, 30.5, 99.9, 139.9, 141.5, 170.6, 171.5, -170.5, -199.5,
          -250.5, 1e-10, -1e-10, 1e-21, 1e300]
for name in ("gamma", "lgamma", "erf", "erfc"):
    f = getattr(math, name)
    out = []
    for x in points:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))

for x in [1, 2, 3, 10, 23, 24]:
    print(x, math.gamma(x), math.lgamma(x), math.gamma(x) == math.factorial(x - 1))

inf, nan = float("inf"), float("nan")
for name in ("gamma", "lgamma", "erf", "erfc"):
    f = getattr(math, name)
    for x in (0.0, -0.0, -1.0, -2.0, 172.5, 1e-320, inf, -inf, nan, True, 3):
        try:
            print(name, x, f(x))
        except (ValueError, OverflowError) as e:
            print(name, x, type(e).__name__, e)
for bad in ("x", None, []):
    try:
        math.gamma(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    math.erf()
except TypeError as e:
    print("TypeError:", e)
