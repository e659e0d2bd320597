def f():
    pass
class C:
    def m(self):
        pass
class Callme:
    def __call__(self):
        return 1
print(callable(f), callable(C), callable(C()), callable(C().m), callable(Callme()))
print(callable(len), callable(print), callable(1), callable(None), callable("x"), callable([]))
print(callable(lambda: 0), callable(int), callable(str.upper))
