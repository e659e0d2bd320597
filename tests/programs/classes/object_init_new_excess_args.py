# object.__init__ / object.__new__ reject extra arguments by CPython rules.
def attempt(f):
    try:
        r = f()
        print("ok", type(r).__name__)
    except TypeError as e:
        print("TypeError:", e)

class A:
    def __init__(self, x):
        super().__init__(x)
attempt(lambda: A(1))
class P:
    pass
attempt(lambda: P.__init__(P(), 1))
attempt(lambda: P(1))
attempt(lambda: P(x=1))
class N:
    def __new__(cls, x):
        return super().__new__(cls, x)
attempt(lambda: N(1))
class N2:
    def __new__(cls, x):
        return super().__new__(cls)
attempt(lambda: N2(1))
class O:
    def __new__(cls, *a):
        return object.__new__(cls)
attempt(lambda: object.__new__(O, 1))
attempt(lambda: object.__new__(5))
attempt(lambda: object.__init__())
class I:
    def __init__(self, x):
        self.x = x
attempt(lambda: I(3))
attempt(lambda: object.__new__(I, 3))
class Both:
    def __new__(cls, *a):
        return super().__new__(cls)
    def __init__(self, *a):
        super().__init__()
attempt(lambda: Both(1, 2))
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
attempt(lambda: E(1, 2))
