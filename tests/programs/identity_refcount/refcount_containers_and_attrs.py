import sys
class Box:
    pass
item = [1, 2]
print(sys.getrefcount(item))
d = {"a": item, "b": item}
print(sys.getrefcount(item))
b = Box()
b.held = item
print(sys.getrefcount(item))
d.clear()
b.held = None
print(sys.getrefcount(item))
s = "".join(["dyn", "amic", "-string"])
print(sys.getrefcount(s))
