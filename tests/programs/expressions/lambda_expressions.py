sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda: "no args")())
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
print((lambda x: (lambda y: x + y))(3)(4))
print(sq.__name__)
