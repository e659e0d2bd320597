class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        print("__add__")
        if isinstance(other, int):
            return Num(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        print("__radd__")
        return Num(other + self.v)
    def __rsub__(self, other):
        return Num(other - self.v)
    def __rmul__(self, other):
        return Num(other * self.v)
    def __repr__(self):
        return "Num(%d)" % self.v
n = Num(5)
print(n + 1)
print(1 + n)
print(10 - n)
print(3 * n)
try:
    print(sum([Num(1), Num(2), Num(3)]))
except TypeError as e:
    print("TypeError:", e)
