d = {"x": 1}
print(d.setdefault("x", 100), d.setdefault("y", 2), d.setdefault("z"))
print(d)
print(d.pop("y"), d.pop("missing", "default"))
d.update({"a": 1}, b=2)
d.update([("c", 3)])
print(d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["x"] = "changed"
print(d, c)
c.clear()
print(c)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
