# Dunders set on a base class after subclasses exist reach the subclasses.
class Base: pass
class Derived(Base): pass
class Deeper(Derived): pass
Base.__len__ = lambda self: 5
Base.__repr__ = lambda self: "R"
Base.__neg__ = lambda self: "neg"
Base.__contains__ = lambda self, x: x == 1
d = Deeper()
print(repr(d), len(d), -d, 1 in d, 2 in d)
del Base.__len__
try:
    len(Derived())
except TypeError as e:
    print("TypeError:", e)
Derived.__len__ = lambda self: 7
print(len(Deeper()), len(Derived()))
try:
    len(Base())
except TypeError as e:
    print("TypeError:", e)
