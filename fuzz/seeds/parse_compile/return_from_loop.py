def first_negative(xs):
    for i, x in enumerate(xs):
        if x < 0:
            return i
    return -1
print(first_negative([3, 1, -2, -5]))
print(first_negative([1, 2]))
def find_pair(xs, total):
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            if xs[i] + xs[j] == total:
                return xs[i], xs[j]
print(find_pair([1, 4, 6, 9], 10))
print(find_pair([1, 2], 10))
