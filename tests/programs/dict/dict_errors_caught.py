d = {"a": 1}
for op in [lambda: d["b"], lambda: d[("t", 1)], lambda: {}.popitem(), lambda: d.pop("zz"), lambda: {}[None]]:
    try:
        op()
    except KeyError as e:
        print("KeyError:", e, repr(e))
