a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [10])), sorted(a.intersection(b, {4})), sorted(a.difference([1], [2])))
print(sorted(a.symmetric_difference(b)))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1})
print({1, 2}.issubset([1, 2, 3]), a.issuperset({1, 2}))
