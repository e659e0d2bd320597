a = [[0] * 2] * 3
a[0][0] = 1
print(a)
b = [[0] * 2 for _ in range(3)]
b[0][0] = 1
print(b)
x = [1, [2, 3]]
y = x.copy()
y[1].append(4)
y[0] = 99
print(x, y)
z = x
z.append("shared")
print(x is z, x)
