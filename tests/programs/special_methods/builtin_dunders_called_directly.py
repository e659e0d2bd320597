# Dunder methods of builtin objects called directly reach the type's own slot
# (None.__repr__(), range(3).__eq__(...)); bound builtin methods compare equal.
def f(): pass
class A:
    def m(self): pass

items = [None, 5, True, 1.5, "a", [1], (1,), {1: 2}, {1}, range(3), slice(1, 2), len, f, A().m, NotImplemented, Ellipsis, A, object(), frozenset({1}), int, iter([])]
for x in items:
    for name in ("__repr__", "__str__"):
        try:
            r = getattr(x, name)()
            if " at 0x" in r:
                r = r.split(" at 0x")[0] + ">"
            print(type(x).__name__, name, r)
        except Exception as e:
            print(type(x).__name__, name, type(e).__name__, e)
for x in (None, range(3), 0, "", [], (), {}, set(), 0.0, Ellipsis):
    try:
        print(repr(x), x.__bool__())
    except Exception as e:
        print(repr(x), type(e).__name__, e)
print(range(3).__eq__(range(3)), slice(1).__eq__(slice(1)), (1).__eq__(1.0), "a".__eq__(1))
print(range(3).__hash__() == hash(range(3)), (5).__hash__(), "".__hash__() == hash(""))
print(object.__eq__(1, 1), object.__ne__(1, 2))
l = []
print(l.append == l.append, l.append != l.append, [].append == [].append, hash(l.append) == hash(l.append))
