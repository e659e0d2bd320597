def nested(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total += (i * j) % 7
    return total


print(nested(1500))
