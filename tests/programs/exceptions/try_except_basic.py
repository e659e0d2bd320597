def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return "div by zero"
print(safe_div(1, 2), safe_div(1, 0))
try:
    [][0]
except IndexError as e:
    print("caught:", e)
try:
    {}["k"]
except LookupError as e:
    print("lookup:", type(e).__name__, e)
try:
    int("x")
except (TypeError, ValueError) as e:
    print("tuple:", type(e).__name__)
