class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
acc = 0
for i in range(300000):
    p = Point(i, i + 1)
    acc += p.x + p.y
    tmp = [i, i, i]
    acc -= len(tmp)
    s = str(i)
    acc += len(s)
print(acc)
d = {}
for i in range(200000):
    d[i % 1000] = [i] * 3
print(len(d), d[999])
