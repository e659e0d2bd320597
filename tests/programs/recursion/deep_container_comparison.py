# Comparing deeply nested lists, tuples and dicts raises RecursionError
# "in comparison" rather than overflowing the native stack.
import sys
for n in (500, 100000):
    a = []; b = []
    for i in range(n):
        a = [a]; b = [b]
    for op in ("==", "<"):
        try:
            print(n, op, a == b if op == "==" else a < b)
        except RecursionError as e:
            print(n, op, "RecursionError:", e)
d1 = {}; d2 = {}
for i in range(5000):
    d1 = {"k": d1}; d2 = {"k": d2}
try:
    print(d1 == d2)
except RecursionError as e:
    print("RecursionError:", e)
t1 = (); t2 = ()
for i in range(5000):
    t1 = (t1,); t2 = (t2,)
try:
    print(t1 == t2)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit(), [[1]] == [[1]], [[1]] < [[2]])
