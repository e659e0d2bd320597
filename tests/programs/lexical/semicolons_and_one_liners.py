a = 1; b = 2; c = a + b
print(a, b, c)
if c > 2: print("big")
else: print("small")
for i in range(3): print(i, end=" ")
print()
while a < 4: a += 1
print(a)
def g(): return "one-liner"
print(g())
class K: pass
print(K.__name__); print("after")
