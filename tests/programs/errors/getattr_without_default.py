class C:
    pass
print(getattr(C(), "missing", "default"))
print(getattr(C(), "missing"))
