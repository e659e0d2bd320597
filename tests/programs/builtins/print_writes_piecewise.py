# print() converts and writes piece by piece: a file object gets one write
# per piece, and output before a failing str() is kept.
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("a", 1, sep="-", end="|", file=w)
print(file=w)
print("x", file=w, end="")
print(w.parts)
class Bad:
    def __str__(self): raise ValueError("no str")
try:
    print(1, 2, Bad(), 3)
except ValueError as e:
    print()
    print("ValueError", e)
w2 = W()
try:
    print("p", Bad(), file=w2)
except ValueError:
    print(w2.parts)
