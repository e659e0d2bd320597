x = 5
print(1 < x < 10)
print(1 < x > 3)
print(10 > x >= 5 > 1)
print(1 < x < 3)
print(x == 5 == 5.0)
print(1 == 1 != 2)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(2))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3))
print(calls)
