# Wrong argument counts and types for sys and time functions: CPython's
# qualified names ("sys.getrecursionlimit()") and C-int conversions.
import sys
import time

calls = [
    (sys.getrecursionlimit, (1,)),
    (sys.setrecursionlimit, ()),
    (sys.setrecursionlimit, (2**31,)),
    (sys.setrecursionlimit, (2**80,)),
    (sys.setrecursionlimit, ("x",)),
    (sys.setrecursionlimit, (0,)),
    (sys.getrefcount, ()),
    (sys.intern, ()),
    (sys.intern, (1,)),
    (sys.exc_info, (1,)),
    (sys.getsizeof, ()),
    (sys.getsizeof, (1, 2, 3)),
    (sys._debugmallocstats, (1,)),
    (sys.exit, (1, 2)),
    (time.time, (1,)),
    (time.sleep, ()),
    (time.sleep, ("1",)),
    (time.sleep, (-1,)),
    (time.perf_counter, (1,)),
    (time.monotonic, (1,)),
    (time.process_time, (1,)),
    (time.time_ns, (1,)),
]
for f, args in calls:
    try:
        f(*args)
        print(f.__name__, "ok")
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
print(sys.getsizeof(object=[]) > 0)
