class A:
    def hello(self):
        return "A"
class B(A):
    def hello(self):
        return "B+" + super(B, self).hello()
print(B().hello())
p = property(lambda self: 5)
class C:
    val = p
    sm = staticmethod(lambda x: x * 2)
    cm = classmethod(lambda cls: cls.__name__)
print(C().val, C.sm(4), C.cm(), C().cm())
print(type(p).__name__, isinstance(C.__dict__["sm"], staticmethod))
print(type(object()).__name__, object.__name__)
