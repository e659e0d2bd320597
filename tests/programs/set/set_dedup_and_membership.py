words = ["b", "a", "c", "a", "b", "d"]
unique = set(words)
print(len(unique), sorted(unique))
seen = set()
ordered = []
for w in words:
    if w not in seen:
        seen.add(w)
        ordered.append(w)
print(ordered)
print(sorted(set("abracadabra") - set("abc")))
nums = set(range(0, 100, 3)) & set(range(0, 100, 5))
print(sorted(nums))
