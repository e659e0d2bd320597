a = 256
b = int("256")
print(a is b)
c = 257
d = int("257")
print(c is d, c == d)
m5 = -5
print(int("-5") is m5, int("-6") is int("-6"))
print(int("0") is int("00"))
x = 100
y = 50 + 50
print(x is y)
n = 10 ** 3
m = 10 ** 3
print(n == m)
print((int("1") + int("1")) is int("2"))
