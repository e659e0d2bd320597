import sys
sys.setrecursionlimit(200000)
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(100000))
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(50000))
print(sys.getrecursionlimit())
