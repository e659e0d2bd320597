t = ()
for i in range(300000):
    t = (t, i)
print(t[1], t[0][1])
del t
d = {}
for i in range(200000):
    d = {"next": d, "i": i}
print(d["i"], d["next"]["i"])
d = None
print("done")
