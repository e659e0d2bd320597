a = [4, -2, 7, 0]
print(len(a), sum(a), min(a), max(a), sorted(a), list(reversed(a)))
print(any(a), all(a), a.index(7))
print(list(enumerate(a)), list(zip(a, a[1:])))
print([abs(x) for x in a], list(map(str, a)))
print(list(filter(None, a)))
