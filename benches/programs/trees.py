# Allocation-heavy binary trees (after the benchmarks game), with class instances.
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


max_depth = 14
long_lived = make(max_depth)
depth = 4
while depth <= max_depth:
    iterations = 2 ** (max_depth - depth + 4)
    total = 0
    for _ in range(iterations):
        total += check(make(depth))
    print(iterations, depth, total)
    depth += 2
print(check(long_lived))
