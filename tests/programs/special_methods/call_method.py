class Poly:
    def __init__(self, *coeffs):
        self.c = coeffs
    def __call__(self, x):
        total = 0
        for k in self.c:
            total = total * x + k
        return total
p = Poly(1, 0, -1)
print([p(x) for x in range(-2, 3)])
print(sorted([3, -1, 2], key=Poly(1, 0)))
class Chain:
    def __call__(self, *a):
        print("called with", a)
        return self
Chain()(1)(2, 3)()
