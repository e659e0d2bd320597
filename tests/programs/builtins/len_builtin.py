print(len("hello"), len(""), len([1, 2]), len((1,)), len({1: 2, 3: 4}), len({1, 2, 3}))
print(len(range(10)), len(range(0, 100, 7)), len(frozenset([1, 1, 2])))
print(len("日本語"), len([[1, 2, 3]]))
class L:
    def __len__(self):
        return 42
print(len(L()))
