class A:
    def f(self):
        return "A.f"
class B(A):
    def f(self):
        return "B.f/" + super(B, self).f()
class C(B):
    def f(self):
        return "C.f/" + super(B, self).f()
print(C().f())
print(B().f())
class D(A):
    @classmethod
    def make(cls):
        return "D.make on " + cls.__name__
class E(D):
    @classmethod
    def make(cls):
        return "E>" + super().make()
print(E.make())
