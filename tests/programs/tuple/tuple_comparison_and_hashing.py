print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5), () < (0,))
print((1, 2) == (1, 2), (1, 2) == [1, 2])
d = {(0, 0): "origin", (1, 2): "point"}
print(d[(1, 2)], d[0, 0])
s = {(1, 2), (1, 2), (2, 1)}
print(len(s))
print(hash((1, 2)) == hash((1, 2)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
