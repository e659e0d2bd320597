d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(list(d))
del d["alpha"]
d["alpha"] = 0
print(list(d))
d["zeta"] = 99
print(d)
d.pop("mid")
d["new"] = 1
print(list(d.items()))
