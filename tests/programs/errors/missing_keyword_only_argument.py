def k(a, *, c):
    return a
k(1)
