class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __repr__(self):
        return "Ver" + str(self.parts)
a, b = Ver(1, 2), Ver(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
vs = [Ver(2, 0), Ver(1, 5), Ver(1, 0, 1)]
print(sorted(vs))
print(max(vs), min(vs))
print(Ver(1) in [Ver(0), Ver(1)])
