def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
    print(isinstance(e, RuntimeError))
print("still running")
def again():
    try:
        return forever(0)
    except RecursionError:
        return "caught inside function"
print(again())
