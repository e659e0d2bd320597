class Proxy:
    def __init__(self, target):
        self.target = target
    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("x_"):
            return name[2:]
        return getattr(self.target, name)
p = Proxy([3, 1, 2])
print(p.x_hello)
p.append(0)
print(p.target)
print(p.target is not None)
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "x_yes"), hasattr(p, "nope"))
