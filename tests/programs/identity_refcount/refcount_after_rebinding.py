import sys
a = [0]
b = [1]
print(sys.getrefcount(a), sys.getrefcount(b))
c = a
a = b
print(sys.getrefcount(c), sys.getrefcount(b))
b = None
print(sys.getrefcount(a))
lst = [a] * 4
print(sys.getrefcount(a))
lst = None
print(sys.getrefcount(a))
