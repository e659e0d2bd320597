from math import sqrt
print(sqrt(81), sqrt(2.25))
import math
print(sqrt is math.sqrt)
def hyp(a, b):
    return sqrt(a * a + b * b)
print(hyp(5, 12))
print(sqrt.__name__, type(math).__name__, math.__name__)
