import sys
sys.setrecursionlimit(30000)
def ping(n):
    return "done" if n == 0 else pong(n - 1)
def pong(n):
    return "done" if n == 0 else ping(n - 1)
print(ping(20000))
def count_nodes(tree):
    return 1 + sum([count_nodes(c) for c in tree])
t = []
for i in range(5000):
    t = [t, []]
print(count_nodes(t))
