class Money:
    def __init__(self, amount, cur):
        self.amount = amount
        self.cur = cur
    def __repr__(self):
        return "Money(%r, %r)" % (self.amount, self.cur)
    def __str__(self):
        return "%.2f %s" % (self.amount, self.cur)
m = Money(3.5, "EUR")
print(m)
print(repr(m))
print([m, m])
print(str(m), f"{m}", f"{m!r}")
print((m,))
print({"k": m})
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()))
