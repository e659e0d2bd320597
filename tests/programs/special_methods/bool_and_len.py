class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Truthy:
    def __bool__(self):
        print("__bool__ called")
        return False
    def __len__(self):
        return 10
print(bool(Empty()), bool(Full()), len(Full()))
print(bool(Truthy()))
if not Empty():
    print("Empty is falsy")
print("yes" if Full() else "no")
print(Empty() or "fallback")
class Plain:
    pass
print(bool(Plain()))
