x = 1 << 100
print(x, x >> 99, x >> 200)
print(-x >> 1, -x >> 100, -x >> 101, -(x + 1) >> 100)
print((-x) & 0xFFFF, (-x - 1) & ((1 << 70) - 1))
print((x | 5) - x, (x ^ (x + 3)), x & (x - 1))
print(~x, ~(-x))
print(-1 << 65, 3 << 64)
print(0 >> 5, 12345 >> 0)
