a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(-5 & 3, -5 | 3, -5 ^ 3, ~-5)
print(1 << 70, (1 << 70) >> 68)
print(-16 >> 2, -1 >> 10, -17 >> 1)
print(-(2**100) & 0xFF, (2**100 - 1) & -(2**64))
print(True & False, True | False, True ^ True)
print(~True, -True)
