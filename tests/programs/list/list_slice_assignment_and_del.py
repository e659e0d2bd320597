a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[1:-1] = []
print(a)
a = list(range(8))
a[::2] = "ABCD"
print(a)
a[::-3] = [0, 0, 0]
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
del a[1:3]
print(a)
del a[-1]
print(a)
a[:] = [9]
print(a)
