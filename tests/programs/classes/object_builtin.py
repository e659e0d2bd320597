o = object()
print(type(o).__name__)
print(isinstance(o, object), isinstance(5, object), isinstance(None, object))
print(issubclass(int, object), issubclass(type, object))
try:
    o.x = 1
except AttributeError as e:
    print(e)
class E:
    pass
print(E.__bases__ == (object,), object.__bases__)
print(type(object), type(type))
