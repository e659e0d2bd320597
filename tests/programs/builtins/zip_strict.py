# zip(strict=True): equal lengths pass; a shorter or longer argument raises
# ValueError naming it; strict uses truthiness; non-strict stops quietly.
def attempt(*args, **kw):
    try:
        print(list(zip(*args, **kw)))
    except ValueError as e:
        print("ValueError:", e)

attempt([1, 2], "ab", strict=True)
attempt([1, 2], [3], strict=True)
attempt([1], [2, 3], strict=True)
attempt([1, 2], [3, 4], [5], strict=True)
attempt([1, 2], [3, 4], [5, 6, 7], strict=True)
attempt([1, 2, 3], [4, 5], [6, 7], strict=True)
attempt([], [], strict=True)
attempt([], [1], strict=True)
attempt([1], [], strict=True)
attempt(strict=True)
attempt([1, 2], [3], strict=False)
attempt([1, 2], [3], strict=0)
attempt([1, 2], [3], strict="yes")
attempt(range(3), range(3), range(3), strict=True)

# The values before the mismatch are produced first.
z = zip("abc", [1, 2], strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError:", e)

try:
    zip([1], bogus=True)
except TypeError as e:
    print("TypeError:", e)
