result = []
for i in range(4):
    if i % 2 == 0:
        j = 0
        while j < 3:
            if j == 1:
                j += 1
                continue
            for k in range(2):
                if k == 1 and i == 2:
                    break
                result.append((i, j, k))
            j += 1
    else:
        result.append(i)
print(result)
