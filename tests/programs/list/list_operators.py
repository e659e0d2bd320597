a = [1, 2]
b = [3]
print(a + b, a * 2, 2 * b, [] * 5, a * 0)
print(a == [1, 2], a != b, a < b, [1, 2, 3] > [1, 2])
print(2 in a, 3 not in a)
c = a
a += b
print(a, c)
a *= 2
print(c)
print([1, [2]] == [1, [2]], [float("nan")] == [float("nan")])
n = float("nan")
print([n] == [n])
