squares = {x * x % 10 for x in range(100)}
print(sorted(squares))
pairs = {(a, b) for a in range(3) for b in range(3) if a != b}
print(sorted(pairs))
print(sorted({-5, 3, -1, 0, 2}), sorted({-5, 3, -1}, reverse=True))
print(max({4, 9, 2}), min({4, 9, 2}), sum({1, 2, 3}))
