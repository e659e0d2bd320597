# Objects alive at exit are finalized in the order CPython's final collection
# reaches them from the main module: breadth first, attributes inline.
class D:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("del", self.name)
class Holder:
    items = [D("class-level")]
x = D("x", D("x.child", D("x.grandchild")))
nested = [[D("n1")], D("n2"), (D("n3"), [D("n4")])]
s = {1: D("v1"), 2: [D("v2")]}
def make():
    return D("returned")
r = make()
class D:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
a = D("a")
holder = [D("l1"), D("l2")]
b = D("b")
t = (D("t1"),)
d = {"k": D("d1")}
c = D("c")
