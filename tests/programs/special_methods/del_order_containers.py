class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
lst = [D(1), D(2), D(3)]
del lst
print("--- tuple")
t = (D(4), D(5), D(6))
del t
print("--- dict")
d = {"a": D(7), "b": D(8), "c": D(9)}
del d
print("--- attrs")
class Holder:
    pass
h = Holder()
h.x = D(10); h.y = D(11); h.z = D(12)
del h
print("--- locals")
def f():
    a = D(13); b = D(14); c = D(15)
f()
print("end")
