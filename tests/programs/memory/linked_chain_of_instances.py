class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt
head = None
for i in range(100000):
    head = Node(i, head)
total = 0
count = 0
n = head
while n is not None:
    total += n.value
    count += 1
    n = n.next
print(count, total)
head = None
print("chain released")
