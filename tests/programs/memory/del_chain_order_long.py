class N:
    count = 0
    def __init__(self, i, nxt):
        self.i = i
        self.nxt = nxt
    def __del__(self):
        N.count += 1
        if self.i % 25000 == 0:
            print("freeing", self.i)
head = None
for i in range(100001):
    head = N(i, head)
print("built")
head = None
print("freed count", N.count)
