s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s)
s.add(4)
s.add(1)
print(sorted(s))
s.discard(10)
s.discard(1)
s.remove(2)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(set(), set([1, 1, 1]), {0})
