parts = []
for i in range(1000):
    parts.append(str(i % 10))
s = "".join(parts)
print(len(s), s[:20], s[-5:])
acc = ""
for i in range(200):
    acc += "ab"
print(len(acc), acc.count("ba"))
print(len("xyz" * 10000))
