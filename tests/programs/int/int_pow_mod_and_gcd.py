import math
print(pow(3, 1000, 10**9 + 7), pow(2, 10**5, 1000))
print(pow(3, -1, 11), pow(10, -2, 7))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2**100, 6**50))
print((2 ** 127 - 1) % 1000000007)
print(2 ** 64, 2 ** 63 - 1, -(2 ** 63))
print((2**64 + 1) * (2**64 - 1) == 2**128 - 1)
