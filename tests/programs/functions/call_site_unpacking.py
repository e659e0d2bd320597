def f(a, b, c, d=0):
    return a * 1000 + b * 100 + c * 10 + d
args = [1, 2, 3]
print(f(*args))
print(f(*args, 4))
print(f(*[1], *(2, 3)))
kw = {"c": 3, "d": 4}
print(f(1, 2, **kw))
print(f(**{"a": 9, "b": 8, "c": 7}))
print(f(1, *[2], **{"d": 5}, c=6))
def g(*a, **k):
    return a, sorted(k.items())
print(g(*"ab", **{"x": 1}, y=2))
