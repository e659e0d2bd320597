lst = [0]
lst[1] = 5
