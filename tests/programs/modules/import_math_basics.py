import math
print(math.pi, math.e, 2 * math.pi)
print(math.sqrt(16), math.sqrt(2), math.floor(3.7), math.ceil(3.2), math.trunc(-3.7))
print(math.inf, -math.inf, math.isnan(math.nan), math.isinf(math.inf))
print(math.gcd(48, 36), math.factorial(10), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.fabs(-3), math.hypot(3, 4), math.atan2(1, 1), math.fsum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
