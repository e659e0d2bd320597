import math
import sys
print(__name__)
print(hasattr(math, "sqrt"), hasattr(math, "nope"), getattr(math, "pi") == math.pi)
print(callable(math.floor), callable(math.pi))
print(type(sys).__name__, sys.__name__)
print(isinstance(math.pi, float), isinstance(sys.maxsize, int))
try:
    math.nonexistent
except AttributeError as e:
    print("AttributeError:", e)
