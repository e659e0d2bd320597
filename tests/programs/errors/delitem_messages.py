# Deleting an item from an object that cannot delete items: CPython says
# "doesn't" on the sequence path (an index into a type with sequence
# methods) and "does not" otherwise.
class A:
    pass

class B:
    def __getitem__(self, i):
        return i

cases = [((1, 2), 0), ((1, 2), "a"), (5, 0), (A(), 0), (A(), "a"), (B(), 1),
         ({1}, 0), ("ab", 0), (range(3), 0), (frozenset(), 1), (None, 0),
         (A.__dict__, "x"), (A.__dict__, 0)]
for obj, key in cases:
    try:
        del obj[key]
    except TypeError as e:
        print(type(obj).__name__, repr(key), e)
