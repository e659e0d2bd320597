def outer():
    x = 10
    y = [20]
    def inner():
        return x + y[0]
    y[0] = 25
    return inner
fn = outer()
print(fn())
del outer
print(fn())
def chain(n):
    if n == 0:
        return lambda: 0
    prev = chain(n - 1)
    return lambda: n + prev()
print(chain(10)())
