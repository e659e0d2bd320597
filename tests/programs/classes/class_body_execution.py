print("before class")
class Weird:
    print("inside class body")
    x = 1
    y = x + 1
    for i in range(3):
        x += i
    def m(self):
        return Weird.x
print("after class")
print(Weird.x, Weird.y, Weird.i, Weird().m())
