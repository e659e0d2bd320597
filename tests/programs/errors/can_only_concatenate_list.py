items = [1, 2]
items = items + (3, 4)
