def outer(x):
    def inner(y):
        return x + y
    def inner2():
        return inner(100)
    return inner2() + inner(1)
print(outer(5))
def make_adders():
    def add1(v):
        return v + 1
    def add2(v):
        return add1(add1(v))
    return add1, add2
a1, a2 = make_adders()
print(a1(1), a2(1))
print(a2.__qualname__)
