fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [(lambda j: lambda: j)(i) for i in range(3)]
print([g() for g in gs])
def outer():
    base = 100
    return [lambda x, k=k: base + k + x for k in range(2)]
print([h(1) for h in outer()])
