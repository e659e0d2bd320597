class Singleton:
    _inst = None
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("__init__", v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(NotMine())
