def k(a, b):
    return a
k(1, a=2)
