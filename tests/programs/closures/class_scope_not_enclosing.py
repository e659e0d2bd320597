x = "module"
class C:
    x = "class"
    def method(self):
        return x
    y = [x for _ in range(1)]
    z = x
print(C().method())
print(C.y, C.z)
