d = {}
for i in range(10000):
    d[i] = i * i
for i in range(0, 10000, 2):
    del d[i]
print(len(d), d[9999], list(d)[:5])
for i in range(5):
    d[i] = "re"
print(list(d)[-5:], len(d))
print(sum([v for v in d.values() if isinstance(v, int)]))
