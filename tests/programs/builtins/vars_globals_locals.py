x_global = 1
def f(a):
    b = a * 2
    return sorted(locals().items())
print(f(5))
class P:
    def __init__(self):
        self.one = 1
        self.two = 2
print(vars(P()))
g = globals()
print(g["x_global"], "f" in g, "P" in g, g["__name__"])
g["injected"] = "via globals"
print(injected)
print([k for k in globals() if not k.startswith("__")])
