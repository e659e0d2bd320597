def make_acc(start):
    total = start
    def acc(x):
        nonlocal total
        total += x
        return total
    return acc
a = make_acc(100)
print([a(i) for i in range(5)])
b = make_acc("s")
print(b("a"), b("b"))
