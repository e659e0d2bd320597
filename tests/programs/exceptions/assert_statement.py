def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(3))
try:
    check(-2)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare:", repr(e), e.args)
assert True, "never"
assert [1], 1 / 0
print("done")
