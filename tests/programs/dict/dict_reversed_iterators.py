# reversed() over a dict and its views: live dict_reverse*iterator objects
# that walk insertion order backwards and notice size changes.
d = {"a": 1, "b": 2, "c": 3, "d": 4}
del d["b"]
d["e"] = 5
for it in (reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items())):
    print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__())
print(list(reversed({})), type(reversed({}.items())).__name__)

it = reversed(d)
print(next(it))
d["z"] = 26
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)

it = reversed(d)
next(it)
d["a"] = 100          # same size: keeps going, sees the new value
print(list(it), list(reversed(d.values())))
r = reversed(d.items())
print(next(r), iter(r) is r)
