import sys
def count_arg(a):
    return sys.getrefcount(a)
def count_local():
    v = []
    return sys.getrefcount(v)
x = []
print(count_arg(x))
print(count_local())
print(sys.getrefcount([]))
print((lambda v: sys.getrefcount(v))(object()))
