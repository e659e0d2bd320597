# sys.stdout = None silences print; sys.stderr = None silences the traceback of an
# uncaught exception (the exit status is still 1), as in CPython.
import sys
print("before")
saved = sys.stdout
sys.stdout = None
print("not shown")
sys.stdout = saved
print("after")
sys.stderr = None
class A:
    def __del__(self):
        raise ValueError("not reported either")
a = A()
del a
1 / 0
