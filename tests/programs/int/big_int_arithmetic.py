a = 2 ** 200
print(a)
print(a + 1, a - 1)
print(a * a)
print(-a, abs(-a), -a * 3)
print(a // 3, a % 3, a // -7, a % -7)
print(-a // 7, -a % 7)
print(divmod(a, 10**30))
print(len(str(a)), str(a)[:10])
