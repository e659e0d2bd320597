a = [1, 2, 3]
for op in [lambda: a[3], lambda: a[-4], lambda: a.pop(10), lambda: [].pop(), lambda: a.index(7), lambda: a.remove(7), lambda: a["0"]]:
    try:
        op()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
a[-1] = "last"
print(a, a[-3])
