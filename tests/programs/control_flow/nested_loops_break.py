found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print(found)
count = 0
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        count += 1
print(count)
