a = []
a.append(a)
b = {}
b["self"] = b
class C:
    pass
c = C()
c.me = c
for i in range(1000):
    x = [None]
    x[0] = x
print(len(a), len(b), c.me is c)
del a, b, c, x
print("cycles dropped without crash")
