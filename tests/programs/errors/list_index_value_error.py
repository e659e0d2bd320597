lst = [1, 3]
print(lst.index(2))
