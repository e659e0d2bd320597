class Base:
    def area(self):
        raise NotImplementedError("subclass must implement area")
    def report(self):
        return type(self).__name__ + " area " + str(self.area())
class Sq(Base):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
print(Sq(3).report())
try:
    Base().report()
except NotImplementedError as e:
    print("NotImplementedError:", e)
