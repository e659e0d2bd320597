# Dict and string workload: build words, count them, join and split.
words = []
for i in range(60000):
    words.append("w" + str(i % 997) + "_" + str(i % 13))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
text = " ".join(words)
parts = text.split(" ")
upper = [p.upper() for p in parts if p.endswith("_7")]
total = 0
for k, v in counts.items():
    total += len(k) * v
print(len(counts), len(parts), len(upper), total)
