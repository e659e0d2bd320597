# enumerate counts past sys.maxsize and from big starts without wrapping.
import sys
print(list(enumerate("ab", sys.maxsize)))
print(list(enumerate("abc", 2**63)), list(enumerate("ab", -2**70)))
e = enumerate("xyz", sys.maxsize - 1)
print(next(e), next(e), next(e))
print(list(enumerate([], 5)), list(enumerate("ab", start=True)))
try:
    enumerate("ab", 1.5)
except TypeError as ex:
    print("TypeError:", ex)
