import time
t1 = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
total = 0
for i in range(10000):
    total += i
t2 = time.time()
m2 = time.monotonic()
p2 = time.perf_counter()
print(type(t1).__name__, type(m1).__name__, type(p1).__name__)
print(t2 >= t1, m2 >= m1, p2 >= p1, t1 > 1e9)
print(total)
