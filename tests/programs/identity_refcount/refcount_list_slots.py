import sys
class C:
    pass
c = C()
print(sys.getrefcount(c))
lst = [c, c, c]
print(sys.getrefcount(c))
lst.pop()
print(sys.getrefcount(c))
lst.clear()
print(sys.getrefcount(c))
t = (c, c)
print(sys.getrefcount(c))
del t
print(sys.getrefcount(c))
