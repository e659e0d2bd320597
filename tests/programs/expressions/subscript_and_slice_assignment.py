lst = [0, 1, 2, 3, 4, 5]
lst[0] = 10
lst[-1] = 50
print(lst)
lst[1:3] = ["a", "b", "c"]
print(lst)
lst[::2] = [7, 7, 7, 7]
print(lst)
lst[2:5] = []
print(lst)
lst[:0] = [-1]
print(lst)
lst[len(lst):] = [99]
print(lst)
del lst[::3]
print(lst)
