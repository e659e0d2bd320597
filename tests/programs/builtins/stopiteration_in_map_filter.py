# A StopIteration raised inside a map/filter function ends the iteration
# for every consumer (PyIter_Next semantics).
def f(x):
    if x == 2:
        raise StopIteration
    return x
print(list(map(f, [1, 2, 3])), list(filter(f, [1, 2, 3])))
print(sum(map(f, [1, 2, 3])), tuple(map(f, [1, 2, 3])), min(map(f, [1, 2, 3])), any(map(f, [5, 2])))
print(list(map(lambda x: next(iter([])), [1])))
for v in map(f, [1, 2, 3]):
    print("loop", v)
m = map(f, [1, 2, 3])
print(next(m))
try:
    next(m)
except StopIteration:
    print("next raised StopIteration")
print(next(m))
print(sorted(map(f, [3, 1, 2, 0])), dict(zip("ab", map(f, [1, 2]))), set(map(f, [1, 1, 2])))
