class Box:
    pass
b = Box()
b.print_ = 1
b.match = 2
b.case = 3
b.type = 4
b._ = 5
print(b.print_, b.match, b.case, b.type, b._)
match = 10
case = 20
_ = 30
type_ = type(match).__name__
print(match + case + _, type_)
__x = "dunder-ish"
print(__x)
