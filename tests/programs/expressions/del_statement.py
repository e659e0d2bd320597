a = 1
b = [0, 1, 2, 3, 4, 5]
c = {"x": 1, "y": 2}
class O:
    pass
o = O()
o.attr = "v"
o.other = "w"
del a
print("a" in globals())
del b[0]
print(b)
del b[-1], b[1:3]
print(b)
del c["x"]
print(c)
del o.attr
print(hasattr(o, "attr"), o.other)
x, y = 1, 2
del x, y
print("x" in globals(), "y" in globals())
lst = [[1, 2], [3, 4]]
del lst[0][1]
print(lst)
def f():
    local = 5
    del local
    return "local" in locals()
print(f())
