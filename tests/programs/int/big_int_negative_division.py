vals = [10**25, -10**25, 10**25 + 7, -(10**25 + 7)]
divs = [3, -3, 10**12, -(10**12)]
for v in vals:
    for d in divs:
        q, r = divmod(v, d)
        assert q * d + r == v
        print(q, r)
