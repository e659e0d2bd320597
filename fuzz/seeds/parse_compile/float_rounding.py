print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(2.675, 2), round(2.665, 2), round(0.285, 2), round(1.0 / 3, 5))
print(round(123.456, -2), round(-123.456, 1), round(5e-324, 300))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5), math.ceil(2.1))
print(type(math.floor(2.5)).__name__, math.floor(1e20), math.ceil(-1e-9))
print(f"{2.5:.0f} {3.5:.0f} {0.05:.1f} {0.15:.1f} {0.25:.1f}")
