# Hashing a nested tuple recurses once per level. CPython has no guard there (it
# overflows its stack around 10**5 levels); depths it handles hash the same here.
t = ()
for i in range(20000):
    t = (t,)
print(hash(t) == hash(t), t in {t: 1}, len({t, t}))
u = 1
for i in range(3000):
    u = (u, i)
print(hash(u))
