class E(Exception):
    pass
E.__qualname__ = "Q.E"
print(E.__qualname__, E.__name__, repr(E))
try:
    E.__qualname__ = 5
except TypeError as e:
    print("TypeError:", e)
E.__module__ = "mymod"
print(repr(E))
raise E("x")
