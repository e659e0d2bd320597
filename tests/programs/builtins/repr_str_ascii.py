items = [1, 1.5, "s", 'q"uote', "it's", None, True, [1, "a"], (1,), {"k": 2.0}, set(), frozenset([1])]
for it in items:
    print(repr(it), str(it))
print(ascii("héllo ☃ \n"), ascii([1, "ü"]))
print(repr(repr("a")), str(str("b")))
