class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def total(self):
        return self.value + sum([c.total() for c in self.children])
    def depth(self):
        return 1 + max([c.depth() for c in self.children], default=0)
    def __repr__(self):
        if not self.children:
            return f"T({self.value})"
        return f"T({self.value}, {self.children!r})"
t = Tree(1, [Tree(2, [Tree(4)]), Tree(3)])
print(t.total(), t.depth())
print(t)
