def compute():
    import math
    return math.factorial(6)
print(compute())
try:
    print(math.pi)
except NameError as e:
    print("NameError:", e)
import math
print(math.floor(-0.5))
