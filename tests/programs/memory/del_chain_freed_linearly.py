# Freeing a chain of 2*10**5 objects with __del__ runs every finalizer, in CPython's
# order, in linear time (the pending-finalizer queue is FIFO, not a shifted list).
count = 0
order = []

class D:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        global count
        count += 1
        if self.i % 40000 == 0:
            order.append(self.i)

N = 2 * 10**5
x = None
for i in range(N):
    x = [x, D(i)]
del x
print(count, order)

count = 0
order = []
x = None
for i in range(N):
    x = (x, D(i))
del x
print(count, order)

count = 0
order = []
x = None
for i in range(N):
    x = {'next': x, 'd': D(i)}
del x
print(count, order)

class Node(D):
    pass

count = 0
order = []
x = None
for i in range(N):
    n = Node(i)
    n.next = x
    x = n
del x, n
print(count, order)
