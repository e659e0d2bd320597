d = {1: "a", 2: "b"}
try:
    for k in d:
        d[k + 10] = "new"
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: "a", 2: "b", 3: "c"}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
d = {1: 1}
for k in d:
    d[k] = 2
print(d)
