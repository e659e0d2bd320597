pairs = [(1, "a"), (2, "b"), (3, "c")]
print([n * 2 for n, _ in pairs])
print([s * n for n, s in pairs])
print({s: n for n, s in pairs})
nested = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in nested])
print([first for first, *rest in [[1, 2, 3], [4], [5, 6]]])
print([rest for first, *rest in [[1, 2, 3], [4], [5, 6]]])
