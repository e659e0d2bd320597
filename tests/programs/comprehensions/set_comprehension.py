print(sorted({x % 4 for x in range(20)}))
print({x * 2 for x in [1, 2, 2, 3, 3, 3]})
s = {len(w) for w in ["a", "bb", "cc", "ddd"]}
print(sorted(s), len(s))
print(sorted({c for c in "mississippi"}))
