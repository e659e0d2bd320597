a = []
b = []
print(id(a) == id(a), id(a) == id(b))
c = a
print(id(c) == id(a))
class K:
    pass
k = K()
ids = [id(k), id(k)]
print(ids[0] == ids[1], isinstance(id(k), int))
def f(x):
    return id(x)
print(f(a) == id(a))
