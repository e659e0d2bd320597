# sys.version_info, float_info, int_info and hash_info are struct sequences:
# tuples with named, read-only fields and a descriptive repr.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor >= 8)
print(sys.float_info)
print(sys.int_info)
print(sys.hash_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.maxunicode)
print(sys.version_info >= (3, 8), sys.version_info < (4,), tuple(sys.version_info)[:3], len(sys.float_info))
print(isinstance(sys.version_info, tuple), type(sys.float_info).__name__, sys.float_info[0] == sys.float_info.max)
try:
    sys.version_info.major = 4
except AttributeError as e:
    print("AttributeError:", e)
major, minor, *rest = sys.version_info
print(major, minor, rest[0] >= 0 if isinstance(rest[0], int) else rest)
print(hash(sys.hash_info.inf) == sys.hash_info.inf, hash(float("inf")) == sys.hash_info.inf)
