# Sets iterate in CPython's table order: literals via the frozenset constant,
# copies keep the layout, deletions leave dummies that later adds refill.
a = set([-3, 5]); print(a, a.copy(), set(a), a | {-3})
s = set([1, 2, 3, 4, 16]); s.discard(2); print(s)
s = set([0, 8, 16]); s.remove(0); s.add(0); print(s)
print({3, 11, 19})
x = {1, 9, 17, 25}; print(x, x - {9}, x & {25, 1}, x ^ {33})
y = set(range(20)); y -= {3, 5}; y.add(100); print(y)
z = {-1, -2, 7}; print(z, sorted(z))
big = set(range(0, 200, 7)); big.discard(14); print(len(big), list(big)[:8])
print(frozenset([8, 0, 16, 24]), {8, 0} | {16})
s = set()
for k in [32, 1, 2, 34, 35, 0, 8, 16, 24]:
    s.add(k)
print(list(s))
print(s.pop(), list(s))
t = set()
for k in [0, 32, 96, 8, 24]:
    t.add(k)
print(list(t))
s ^= t
print(list(s))
s = set()
for k in [32, 1, 2, 34, 35, 0, 8, 16, 24]:
    s.add(k)
s.pop()
s2 = set(s); s3 = s.copy()
s.add(32); print(list(s))
s = set()
for k in [32, 1, 2, 34, 35, 0, 8, 16, 24]:
    s.add(k)
s.pop(); s.discard(0); s.add(32); s.add(96); print(list(s))
s = set()
for k in [32, 1, 2, 34, 35, 0, 8, 16, 24]:
    s.add(k)
s.pop(); s ^= {0}; print(list(s)); s ^= {32}; print(list(s))
s = set()
for k in [32, 1, 2, 3, 4, 5, 6, 7, 8]:
    s.add(k)
s.discard(32); s.discard(2); s.discard(4)
s.add(64); s.add(96); s.add(128)
print(list(s))
