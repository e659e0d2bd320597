class C:
    def __init__(self):
        self.present = 1
c = C()
print(c.present)
print(c.nope)
