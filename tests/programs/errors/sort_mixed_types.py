values = [3, "a", 1]
values.sort()
