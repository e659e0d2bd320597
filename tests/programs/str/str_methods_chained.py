raw = "  Name: JOHN doe ; Age: 42  "
fields = [p.strip() for p in raw.strip().split(";")]
print(fields)
info = {}
for f in fields:
    k, _, v = f.partition(":")
    info[k.strip().lower()] = v.strip()
print(info)
print(info["name"].title(), int(info["age"]) + 1)
print(" ".join([w.capitalize() for w in "a bc def".split()]))
