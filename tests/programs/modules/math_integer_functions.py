import math
print(math.comb(52, 5), math.perm(10), math.comb(5, 7), math.perm(5, 0))
print(math.factorial(0), math.factorial(20), math.factorial(25))
print(math.prod(range(1, 11)), math.prod([]), math.prod([2.5, 4]))
print(math.gcd(0, 0), math.gcd(17, 5), math.gcd(10**20, 10**15))
print(math.floor(-7 / 2), math.ceil(-7 / 2), math.floor(10**20))
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
