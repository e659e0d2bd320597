values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {0: 0}, set(), None, range(0), range(1)]
for v in values:
    print(repr(v), bool(v), "yes" if v else "no")
print(not None, not 0, not "0")
