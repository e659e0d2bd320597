# type's own data attributes (__name__, __qualname__, __bases__, __mro__,
# __dict__, __doc__) win over class attributes of the same name; __doc__ is
# not inherited.
class N:
    __name__ = "custom"
    __qualname__ = "ignored"
    __bases__ = "nope"

print(N.__name__, N.__qualname__, N.__bases__, N().__name__)

class D:
    "D's doc"

class E(D):
    pass

print(D.__doc__, E.__doc__, D().__doc__, E().__doc__)
print(D.__module__, E.__mro__ == (E, D, object), E.__base__ is D)

class M:
    __module__ = "elsewhere"

print(M.__module__, repr(M)[:17])

def outer():
    class Inner:
        pass
    return Inner

print(outer().__qualname__, outer().__name__)
print(int.__name__, int.__module__, type(None).__name__, object.__bases__)
