print(str(0), str(-0), str(10**30), str(-(10**30)))
print(repr(2**100), f"{2**100}", "%d" % 2**100)
n = 12345678901234567890
print(str(n)[::-1], int(str(n)[::-1]))
print(hex(n), oct(n), bin(n)[:20])
print(int(hex(-n), 16) == -n)
digits = [int(c) for c in str(2 ** 1000)]
print(len(digits), sum(digits))
