errors = (KeyError, IndexError)
def lookup(c, k):
    try:
        return c[k]
    except errors as e:
        return "missing " + type(e).__name__
print(lookup({}, "a"), lookup([], 3), lookup([7], 0))
handlers = [ZeroDivisionError, ArithmeticError, Exception]
for h in handlers:
    try:
        1 / 0
    except h as e:
        print("handled by", h.__name__, isinstance(e, h))
