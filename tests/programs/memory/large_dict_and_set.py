d = {i: str(i) for i in range(200000)}
s = set(range(0, 400000, 2))
print(len(d), len(s), d[123456], 123456 in s, 123457 in s)
for i in range(0, 200000, 3):
    del d[i]
    s.discard(i * 2)
print(len(d), len(s))
d.clear()
s.clear()
print(len(d), len(s))
