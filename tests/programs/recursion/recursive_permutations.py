def perms(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in perms(rest):
            out.append([items[i]] + p)
    return out
ps = perms([1, 2, 3])
print(ps)
print(len(perms(list(range(6)))))
def flatten(x):
    if not isinstance(x, list):
        return [x]
    return sum([flatten(e) for e in x], [])
print(flatten([1, [2, [3, [4, [5]]]], 6]))
