class Seq:
    def __getitem__(self, idx):
        return idx
s = Seq()
print(s[1])
print(s[1:2])
print(s[::-1])
print(s[1:2, 3])
print(s[...])
sl = s[1:10:3]
print(sl.start, sl.stop, sl.step, type(sl).__name__)
print(slice(5), slice(1, 2), slice(None, None, -1))
