try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args, repr(e))
class MyErr(Exception):
    def __init__(self):
        super().__init__("constructed")
try:
    raise MyErr
except MyErr as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
