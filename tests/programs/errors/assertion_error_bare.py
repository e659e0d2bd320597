x = 5
assert x == 5
assert x > 10
