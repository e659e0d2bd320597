people = [("Ann", 31, "NY"), ("bob", 25, "LA"), ("Cid", 31, "LA"), ("dee", 25, "NY")]
print(sorted(people, key=lambda p: (p[1], p[2])))
print(sorted(people, key=lambda p: (-p[1], p[0].lower())))
s1 = sorted(people, key=lambda p: p[0].lower())
s2 = sorted(s1, key=lambda p: p[2])
print([p[0] for p in s2])
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
print(sorted([3.5, 1, True, -2]))
