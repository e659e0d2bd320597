point = (3, 4)
x, y = point
print(x, y)
a, b, c = "xyz"
print(c, b, a)
a, b = b, a
print(a, b)
head, *tail = (1, 2, 3)
print(head, tail, type(tail).__name__)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([5, 2, 9])
print(lo, hi)
((a, b), c) = ((1, 2), 3)
print(a, b, c)
