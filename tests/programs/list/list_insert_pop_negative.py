a = [1, 2, 3]
a.insert(-10, "front")
a.insert(-1, "x")
print(a)
print(a.pop(-1), a.pop(-2), a)
b = []
b.insert(0, 1)
b.insert(0, 2)
print(b)
print(a.index('x', 1), a.index(1, 0, 3))
