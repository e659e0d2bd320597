def k(a, b):
    return a + b
print(k(1, 2))
print(k(1))
