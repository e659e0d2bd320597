print(min(3, 1, 2), max(3, 1, 2))
print(min([4, 5, 1]), max("hello"))
print(min("apple", "fig", "banana", key=len), max("apple", "fig", "banana", key=len))
print(max([], default="empty"), min([], default=None))
print(max([1, 3, 3, 2], key=lambda x: -x))
print(max([(1, "b"), (1, "a")]), min([2.5, 2, 3]))
pairs = [("a", 3), ("b", 1), ("c", 3)]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1]))
print(max(range(10), key=lambda x: x % 4))
