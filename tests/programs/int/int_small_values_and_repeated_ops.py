x = 0
for i in range(1, 1001):
    x += i * i
print(x)
y = 1
for i in range(100):
    y = (y * 31 + 7) % 1000000007
print(y)
z = 10 ** 50
for i in range(50):
    z //= 10
print(z)
print(sum([i ** 3 for i in range(100)]) == (sum(range(100))) ** 2)
