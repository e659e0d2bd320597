print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()))
print(type(None).__name__, type(True).__name__, type(range(1)).__name__)
print(type(len).__name__, type(lambda: 0).__name__)
class C:
    pass
print(type(C), type(C()))
print(type(C()) is C, type(type) is type)
print(type(NotImplemented).__name__, type(...).__name__)
print(int.__name__, str.__name__, C.__module__)
