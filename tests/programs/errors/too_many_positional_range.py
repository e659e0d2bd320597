def k(a, b=2):
    return a
k(1, 2, 3)
