print(any([]), all([]))
print(any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
print(all([x > 0 for x in [1, 2, 3]]), any([x > 2 for x in [1, 2, 3]]))
print(any("abc"), all(""), all(range(1, 5)), all(range(5)))
