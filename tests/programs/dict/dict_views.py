d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["d"] = 4
print(list(k), list(v), len(it))
print("a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
print(sorted(k - {"a"}), sorted(k & {"a", "z"}), sorted(k | {"z"}))
for key, val in d.items():
    print(key, "->", val)
print(list(reversed(d)), list(reversed(d.values())))
