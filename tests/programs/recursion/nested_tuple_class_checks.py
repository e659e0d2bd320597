# isinstance/issubclass recurse over nested tuples of classes: a deep tuple is a
# RecursionError (in __instancecheck__ / __subclasscheck__), not a native stack overflow.
t = ()
for i in range(10**6):
    t = (t,)
for check in (lambda: isinstance(1, t), lambda: issubclass(int, t)):
    try:
        check()
    except RecursionError as e:
        print(type(e).__name__, e)

# Shallow nesting still works, and a match before the deep part short-circuits.
s = int
for i in range(50):
    s = (s,)
print(isinstance(1, s), issubclass(bool, s), isinstance('x', s))
print(isinstance(1, (int, t)), issubclass(int, (int, t)))
try:
    isinstance(1, (str, (float, 5)))
except TypeError as e:
    print(e)
