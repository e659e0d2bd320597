class P:
    kind = "p"
    def __init__(self):
        self.a = 1
p = P()
p.b = 2
print(p.__dict__)
print(vars(p) is p.__dict__)
p.__dict__["c"] = 3
print(p.c)
print("kind" in vars(p), "kind" in vars(P))
