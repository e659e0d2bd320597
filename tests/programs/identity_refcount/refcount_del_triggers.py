import sys
class Tracked:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("freed", self.n)
t = Tracked(1)
print("refcount", sys.getrefcount(t))
holder = [t]
del t
print("still referenced by list")
holder.pop()
print("after pop")
a = Tracked(2)
b = a
a = None
print("a cleared")
b = None
print("b cleared")
