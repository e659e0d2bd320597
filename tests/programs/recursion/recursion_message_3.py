def k(x):
    return sorted([1, 2], key=k)
sorted([1, 2], key=k)
