lst = [1, 3]
lst.remove(2)
