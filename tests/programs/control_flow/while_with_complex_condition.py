a, b = 0, 10
while a < b and not (a == 4 or b == 4):
    a += 1
    b -= 1
print(a, b)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
