name = "World"
n = 42
print(f"Hello, {name}!")
print(f"{n} squared is {n * n}")
print(f"{name!r} {name!s} {name.upper()}")
print(f"{'nested quotes'}")
print(f"{{braces}} {n}")
print(f"{[1, 2, 3][1]} {dict(a=1)['a']}")
print(f"{n if n > 40 else 0}")
items = ["x", "y"]
print(f"{len(items)} items: {', '.join(items)}")
