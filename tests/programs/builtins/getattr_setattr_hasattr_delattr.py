class Obj:
    cls_attr = "C"
o = Obj()
setattr(o, "x", 10)
print(getattr(o, "x"), getattr(o, "cls_attr"), getattr(o, "nope", None))
print(hasattr(o, "x"), hasattr(o, "y"), hasattr(Obj, "cls_attr"))
delattr(o, "x")
print(hasattr(o, "x"))
name = "dyn" + "amic"
setattr(Obj, name, lambda self: "method added")
print(o.dynamic())
print(getattr("abc", "upper")())
print(getattr([1, 2, 1], "count")(1))
