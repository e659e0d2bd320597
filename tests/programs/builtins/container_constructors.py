print(list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)))
print(tuple([1, 2]), tuple("xy"), tuple())
print(dict([("a", 1), ("b", 2)]), dict(a=1, b=2), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])))
print(sorted(set("hello")), sorted(set([3, 1, 3])), frozenset([2, 1, 2]))
l = [1, 2]
l2 = list(l)
print(l2 == l, l2 is l)
t = (1, 2)
print(tuple(t) is t)
