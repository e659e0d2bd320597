import math
f50 = math.factorial(50)
print(f50)
print(f50 // math.factorial(48), f50 % 1000003)
p = 1
for i in range(1, 101):
    p *= i
print(p == math.factorial(100), len(str(p)), str(p).count("0"))
print(sum([int(c) for c in str(math.factorial(100))]))
