pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(7 // 2.0, -7 % 2.5)
print(5 % -0.75)
