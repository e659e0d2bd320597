class A:
    pass
a1 = A()
a2 = A()
print(a1 == a1, a1 == a2, a1 != a2)
print(a1 is a1, a1 is a2)
d = {a1: "first", a2: "second"}
print(d[a1], d[a2], len(d))
print(len({a1, a2, a1}))
print(a1 in d, A() in d)
