items = [1, 2, 3, 4, 5, 6]
for x in items[:]:
    if x % 2 == 0:
        items.remove(x)
print(items)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
    print(x)
print(lst)
