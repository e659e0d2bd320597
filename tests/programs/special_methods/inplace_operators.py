class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __repr__(self):
        return "Acc(%r)" % self.items
class NoInplace:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoInplace(self.v + o)
a = Acc()
b = a
a += 1
a += "two"
print(a, b, a is b)
n = NoInplace(1)
m = n
n += 5
print(n.v, m.v, n is m)
class Broken:
    def __iadd__(self, o):
        pass
x = Broken()
x += 1
print(x)
