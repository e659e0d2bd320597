f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f)
print(frozenset(), frozenset([1]))
g = f | {9}
print(type(g).__name__, sorted(g))
h = {1} | f
print(type(h).__name__)
d = {f: "frozen key"}
print(d[frozenset({1, 2, 3})])
print({frozenset([1]), frozenset([1])} == {frozenset([1])})
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print(f == {1, 2, 3}, frozenset() == set())
