class Base:
    x = "base-x"
    def describe(self):
        return self.name() + ":" + self.x
    def name(self):
        return "Base"
class Child(Base):
    x = "child-x"
    def name(self):
        return "Child"
print(Base().describe())
print(Child().describe())
c = Child()
c.x = "instance-x"
print(c.describe())
print(Base.describe(c))
