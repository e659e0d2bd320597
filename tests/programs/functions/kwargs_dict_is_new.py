def f(**kw):
    kw["added"] = True
    return kw
base = {"x": 1}
r = f(**base)
print(r, base)
def g(*args):
    return type(args).__name__, args
print(g(*[1, 2]))
def h(a, **kw):
    return a, kw
print(h(a=1, b=2))
print(h(1, **{"a2": 2}))
