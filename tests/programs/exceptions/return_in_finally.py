def f():
    try:
        return "from try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally wins"
print(g())
def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(h())
def k():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "end"
print(k())
