class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"
try:
    repr(Loop())
except RecursionError as e:
    print("RecursionError:", e)
class Holder:
    def __init__(self):
        self.items = [self]
    def __repr__(self):
        return "Holder(" + repr(self.items) + ")"
try:
    print(Holder())
except RecursionError as e:
    print("RecursionError caught again")
print("ok")
