t = (1, "a", 2.5)
print(t, len(t), t[0], t[-1], t[1:])
print((), (1,), (1), ((1, 2),))
print(tuple(), type(()).__name__, type((1,)).__name__)
single = 5,
print(single, len(single))
print(t.index("a"), (1, 1, 2).count(1))
print(t + (3,), t * 2, (0,) * 3)
