class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError("done")
        return i * i
print(list(Squares()))
for v in Squares():
    print(v, end=" ")
print()
print(9 in Squares(), 10 in Squares())
