squares = {x: x * x for x in range(5)}
print(squares)
inv = {v: k for k, v in squares.items()}
print(inv)
words = ["apple", "banana", "cherry", "avocado"]
by_first = {w[0]: w for w in words}
print(by_first)
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print({i % 3: i for i in range(10)})
