s = "hello"
print([c for c in s])
print(list(enumerate(s))[:2])
print("l" in s, "lo" in s, "ol" in s, "" in s)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(s.index("l"), s.count("l"))
