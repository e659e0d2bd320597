def divmods(n, ds):
    return [(d, n // d, n % d) for d in ds]
for d, q, r in divmods(17, [2, 3, 5]):
    print(f"17 = {d}*{q} + {r}")
records = (("a", 1), ("b", 2))
print(dict(records))
print(tuple([x * 2 for x in (1, 2)]))
