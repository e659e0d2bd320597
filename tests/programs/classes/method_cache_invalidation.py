# Attribute lookups must see class changes made after earlier lookups.
class A:
    def who(self):
        return "A.who"
    x = 1


class B(A):
    pass


b = B()
print(b.who(), b.x, B.x)
A.who = lambda self: "patched"
A.x = 2
print(b.who(), b.x, B.x)
B.x = 3
print(b.x, A.x)
del B.x
print(b.x)
del A.who
try:
    b.who()
except AttributeError as e:
    print("gone:", e)


class D:
    def __del__(self):
        print("del D")


A.holder = D()
print("replacing")
A.holder = None
print("replaced")
for i in range(3):
    class C:
        v = i
    print(C().v, C.v)
