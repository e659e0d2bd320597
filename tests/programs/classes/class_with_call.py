class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return x + self.n + y
add5 = Adder(5)
print(add5(10))
print(add5(1, y=100))
print(callable(add5), callable(Adder), callable(5), callable(len), callable("s"))
print(list(map(add5, [1, 2, 3])))
