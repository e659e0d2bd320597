vals = [3.5, -1.0, 2, 0.0, -0.0, 1e-9, -1e300, 7]
print(sorted(vals))
print(max(vals), min(vals))
print(0.1 < 0.10000000000000001, 0.1 == 0.10000000000000001)
print(1e16 + 1 == 1e16, 2 ** 0.5 * 2 ** 0.5 == 2)
print(sorted([2.0, 2, 1.0, 1]))
