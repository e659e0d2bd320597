first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, b = (1, 2)
print(a, mid, b)
a, *mid, b = range(6)
print(a, mid, b)
[x, *y] = {"k": 1, "j": 2}
print(x, y)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
print([*range(3), *"ab"])
print((*[1, 2], 3))
print({**{"a": 1}, "b": 2, **{"a": 3}})
print({*[1, 2], 3})
