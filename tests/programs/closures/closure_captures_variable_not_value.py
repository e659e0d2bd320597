def f():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def peek():
        return list(items)
    return add, peek
add, peek = f()
add(1); add("b")
print(peek())
def g():
    n = 1
    h = lambda: n
    n = 2
    r1 = h()
    n = 3
    return r1, h()
print(g())
