class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
    def child_method(self):
        pass
c = Child()
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print([n for n in dir(Base) if not n.startswith("_")])
print("__init__" in dir(c), "__class__" in dir(c))
