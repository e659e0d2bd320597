class Base:
    @property
    def label(self):
        return "base"
    @staticmethod
    def util(x):
        return x + 1
class Child(Base):
    @property
    def label(self):
        return "child<" + super().label + ">"
    @staticmethod
    def util(x):
        return Base.util(x) * 10
c = Child()
print(c.label, Child.util(1), c.util(2))
