def k(a, b):
    return a
k(1, d=4)
