def f(a, b=2):
    c = a + b
    return locals()
print(f(1))
def g():
    x = 1
    y = [x]
    names = sorted(locals())
    return names
print(g())
