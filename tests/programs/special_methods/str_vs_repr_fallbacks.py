class A:
    def __repr__(self):
        return "A-repr"
class B:
    def __str__(self):
        return "B-str"
class C(A):
    def __str__(self):
        return "C-str"
print(str(A()), repr(A()), f"{A()}", "%s %r" % (A(), A()))
print(str(B()))
print(str(C()), repr(C()), [C()])
print("{} {!r}".format(C(), C()))
print(format(C()), format(C(), ""))
