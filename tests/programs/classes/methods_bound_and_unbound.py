class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, other):
        return self.name + " greets " + other
g = Greeter("A")
m = g.greet
print(m("B"))
print(Greeter.greet(g, "C"))
print(callable(m), m("D") == Greeter.greet(g, "D"))
print(type(m).__name__, type(Greeter.greet).__name__)
methods = [Greeter(n).greet for n in "XYZ"]
print([f("you") for f in methods])
print(g.greet == g.greet, g.greet is g.greet)
