d = {}
d[1] = "int one"
d[1.0] = "float one"
d[True] = "true"
print(d)
d[(1, 2)] = "tuple"
d[frozenset([1])] = "frozenset"
d[None] = "none"
print(len(d), d[(1, 2)], d[frozenset({1})], d[None])
try:
    d[[1]] = "list"
except TypeError as e:
    print("TypeError:", e)
try:
    d[{}] = 1
except TypeError as e:
    print("TypeError:", e)
print(-0.0 in {0: "zero"}, hash(-0.0) == hash(0))
