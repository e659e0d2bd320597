class D:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("del", self.name)
x = D("a")
print("rebinding")
x = D("b")
print("after rebind")
del x
print("after del")
def f():
    tmp = D("local")
    print("returning")
f()
print("after call")
D("temporary")
print("end")
