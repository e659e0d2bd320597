def a():
    x = 1
    def b():
        def c():
            nonlocal x
            x += 10
            return x
        return c
    f = b()
    f(); f()
    return x
print(a())
def outer():
    v = "outer"
    def middle():
        v = "middle"
        def inner():
            nonlocal v
            v = "changed"
        inner()
        return v
    return middle(), v
print(outer())
