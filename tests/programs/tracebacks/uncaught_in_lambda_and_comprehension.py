values = [3, 2, 1, 0]
f = lambda v: 12 // v
print([f(v) for v in values[:3]])
print([f(v) for v in values])
