a = [1, [2]]
b = a[:]
c = list(a)
d = a.copy()
print(a == b == c == d)
print(a is b, a is c, a is d)
print(a[1] is b[1] is c[1] is d[1])
t = (1, 2)
print(t[:] is t, tuple(t) is t)
s = "hello"
print(s[:] is s, str(s) is s)
dd = {"k": [1]}
ee = dict(dd)
print(ee is dd, ee["k"] is dd["k"])
