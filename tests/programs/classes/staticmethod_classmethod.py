class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
    @classmethod
    def created(cls):
        return cls.__name__ + " created " + str(cls.count)
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def helper(a, b):
        return a + b
class Sub(Counter):
    pass
Counter(); Counter()
print(Counter.created())
s = Sub.make()
print(type(s).__name__, Sub.created())
print(Counter.helper(2, 3), s.helper(4, 5))
print(type(Counter.__dict__["helper"]).__name__, type(Counter.__dict__["make"]).__name__)
