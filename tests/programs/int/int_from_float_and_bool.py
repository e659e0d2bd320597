print(int(3.999), int(-3.999), int(1e18), int(1.5e30))
print(int(True), int(False), True + True, True * 10, -False)
print(int(2.0 ** 63), int(-2.0 ** 63))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
