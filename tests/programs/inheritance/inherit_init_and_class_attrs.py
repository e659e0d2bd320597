class Shape:
    sides = 0
    count = 0
    def __init__(self, name):
        self.name = name
        type(self).count += 1
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, sides={self.sides})"
class Triangle(Shape):
    sides = 3
class Square(Shape):
    sides = 4
    def __init__(self):
        super().__init__("square")
shapes = [Triangle("t1"), Square(), Triangle("t2"), Shape("blob")]
print(shapes)
print(Shape.count, Triangle.count, Square.count)
