class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration()
        self.i += 1
        return self.i
r = Range2(3)
print(list(r), list(r))
print([(a, b) for a in r for b in r if a < b])
print(sum(r), max(r), sorted(r, reverse=True))
it = iter(r)
print(type(it).__name__, iter(it) is it)
print(dict(zip(r, "abc")))
