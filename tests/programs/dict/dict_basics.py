d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["b"])
d["a"] = 10
print(d)
del d["b"]
print(d, "b" in d, "c" in d)
print(d.get("x"), d.get("x", 0), d.get("a"))
print({}, dict(), {1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool?"})
