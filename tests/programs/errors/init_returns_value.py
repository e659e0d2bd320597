class Point:
    def __init__(self, x, y=0, *, z=1):
        self.x, self.y, self.z = x, y, z


p = Point(1, z=3)
print(p.x, p.y, p.z)


class Bad:
    def __init__(self):
        return 5


Bad()
