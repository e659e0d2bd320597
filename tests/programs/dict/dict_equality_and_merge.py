a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b))
print({**a, "z": 3}, {**a, **{"x": 9}})
c = dict(a)
c.update(y=20, w=0)
print(c)
print({1: "a"} == {1.0: "a"}, {1: [1]} == {1: [1]})
