class C:
    pass
print(C.nope)
