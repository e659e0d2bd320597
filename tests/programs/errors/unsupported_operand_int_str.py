a = 1
b = "two"
print(a - 0)
print(a + b)
