s = {5}
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print("KeyError:", e)
s = set(range(5))
popped = []
while s:
    popped.append(s.pop())
print(sorted(popped))
t = {1, 2}
t.clear()
print(t, len(t))
