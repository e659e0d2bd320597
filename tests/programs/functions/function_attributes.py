def f(a, b=1, *args, c, d=2, **kw):
    return a
print(f.__name__, f.__qualname__)
f.custom = "attr"
f.counter = 0
f.counter += 1
print(f.custom, f.counter)
print(getattr(f, "custom"), hasattr(f, "missing"))
class C:
    def m(self):
        pass
    class Inner:
        def deep(self):
            pass
print(C.m.__qualname__, C.m.__name__)
print(C.Inner.__qualname__, C.Inner.deep.__qualname__)
def outer():
    def nested():
        pass
    return nested
print(outer().__name__, outer().__qualname__)
print((lambda: 0).__qualname__)
