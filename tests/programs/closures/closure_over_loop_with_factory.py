def make_multiplier(n):
    return lambda x: x * n
ms = [make_multiplier(n) for n in range(1, 4)]
print([m(10) for m in ms])
def outer():
    x = "first"
    def show():
        return x
    x = "second"
    return show
print(outer()())
