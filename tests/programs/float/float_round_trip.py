import math
vals = [0.1, 1 / 3, math.pi, math.e, 2 ** -1074, 1.7976931348623157e308, 12345.6789, 1e-10, 9007199254740993.0]
for v in vals:
    r = repr(v)
    print(r, float(r) == v)
print(float("0.30000000000000004") == 0.1 + 0.2)
print(float("1e400"), float("-1e400"), float("1e-400"))
