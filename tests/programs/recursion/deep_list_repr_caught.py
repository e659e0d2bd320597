x = []
for i in range(100000):
    x = [x]
try:
    repr(x)
except RecursionError as e:
    print("RecursionError:", e)
y = []
for i in range(50):
    y = [y]
print(repr(y)[:10], len(repr(y)))
