import math
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000))
print(math.exp(0), math.exp(1), math.log(1))
print(math.sin(0), math.cos(0), math.tan(0))
print(round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12), round(math.tan(math.pi / 4), 12))
print(math.log2(2 ** 100), math.log10(10 ** 50), math.log(2 ** 1000))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
