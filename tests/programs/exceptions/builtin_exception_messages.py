tests = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: [1][5],
    lambda: (1,)[5],
    lambda: "a"[5],
    lambda: {}[1],
    lambda: int("12a"),
    lambda: float("x"),
    lambda: None.attr,
    lambda: len(5),
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [].pop(),
    lambda: [1, 2].index(3),
    lambda: {1}.remove(2),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
