a = [1, 2]
a.append(a)
print(a)
print(len(a), a[2] is a)
b = [a, [a]]
print(b)
d = {"k": 1}
d["self"] = d
print(d)
