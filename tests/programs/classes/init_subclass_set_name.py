# __init_subclass__ gets the new class and the class keywords (via super());
# __class_getitem__ is bound to the class; __set_name__ runs for descriptors.
class Base:
    def __init_subclass__(cls):
        print("init_subclass", cls, cls.__name__)
        cls.tag = cls.__name__.lower()
class A(Base): pass
print(A.tag)
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(G[int])
class K:
    def __init_subclass__(cls, **kw):
        print("K", cls.__name__, kw)
        super().__init_subclass__()
class L(K, a=1): pass
class M(L): pass
class P:
    pass
try:
    class B(P, x=1): pass
except TypeError as e:
    print("TypeError:", e)
try:
    object.__init_subclass__(1)
except TypeError as e:
    print("TypeError:", e)
class D:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class V:
    a = D()
    b = D()
print(V.a.name, V.b.name)
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("boom")
try:
    class U:
        d = Bad()
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__), e.__suppress_context__)
class Reg:
    registry = []
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        Reg.registry.append((cls.__name__, key))
class R1(Reg, key="one"): pass
class R2(R1): pass
print(Reg.registry)
T = type("T", (Reg,), {}, key="t")
print(Reg.registry[-1], T.__name__)
