class Factory:
    def __init__(self, base):
        self.base = base
    def maker(self):
        base = self.base
        def make(n):
            return base * n
        return make
m = Factory("ab").maker()
print(m(3))
def deco_with_state(fn):
    calls = []
    def wrapper(x):
        calls.append(x)
        return fn(x), list(calls)
    return wrapper
@deco_with_state
def sq(x):
    return x * x
print(sq(2))
print(sq(3))
