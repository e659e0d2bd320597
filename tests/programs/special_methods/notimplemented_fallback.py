class A:
    def __eq__(self, other):
        print("A.__eq__")
        return NotImplemented
    def __lt__(self, other):
        print("A.__lt__")
        return NotImplemented
class B:
    def __eq__(self, other):
        print("B.__eq__")
        return NotImplemented
    def __gt__(self, other):
        print("B.__gt__")
        return True
a, b = A(), B()
print(a == b)
print(a != b)
print(a < b)
print(a == a)
try:
    a > a
except TypeError as e:
    print("TypeError:", e)
