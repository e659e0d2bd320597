def f():
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
    finally:
        print("finally still runs")
try:
    f()
except TypeError as e:
    print("caught", e, "context:", repr(e.__context__))
def g():
    try:
        return 1
    finally:
        raise RuntimeError("from finally")
try:
    g()
except RuntimeError as e:
    print("caught", e)
