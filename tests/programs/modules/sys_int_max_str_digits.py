# sys.get_int_max_str_digits / set_int_max_str_digits: the limit applies to
# str(int), int(str), format specs and %-formatting, both ways.
import sys

print(sys.get_int_max_str_digits())
for bad in (5, -1, 639):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ("a", 2**70, 2**31):
    try:
        sys.set_int_max_str_digits(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
try:
    sys.set_int_max_str_digits()
except TypeError as e:
    print("TypeError:", e)
try:
    sys.set_int_max_str_digits(1000, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    sys.get_int_max_str_digits(1)
except TypeError as e:
    print("TypeError:", e)

sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(maxdigits=1000)
print(sys.get_int_max_str_digits())
print(len(str(10**999)), len(repr(-(10**1000 - 1))))
for convert in (str, repr, lambda v: f"{v}", lambda v: "%d" % v, lambda v: format(v, ",")):
    try:
        convert(10**1000)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("7" * 1001)
except ValueError as e:
    print("ValueError:", e)
print(int("7" * 1000) % 97)
# Power-of-two bases are exempt.
print(len(hex(10**5000)), int("f" * 2000, 16) % 1000)

sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10**10000)), int("1" * 6000) % 7)
sys.set_int_max_str_digits(4300)
try:
    str(10**4300)
except ValueError as e:
    print("ValueError:", e)
