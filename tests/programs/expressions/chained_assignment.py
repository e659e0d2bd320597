a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(y, x is y)
i = lst = 0, [9]
print(i, lst)
p, q = r = 1, 2
print(p, q, r)
d = {}
d["a"] = d["b"] = 3
print(d)
