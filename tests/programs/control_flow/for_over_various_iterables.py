for ch in "abc":
    print(ch, end=" ")
print()
for item in (1, "two", 3.0):
    print(repr(item), end=" ")
print()
for k in {"x": 1, "y": 2}:
    print(k, end=" ")
print()
for k, v in {"x": 1, "y": 2}.items():
    print(k, v, end="; ")
print()
for n in sorted({3, 1, 2}):
    print(n, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
