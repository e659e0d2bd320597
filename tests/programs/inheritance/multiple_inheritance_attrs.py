class Walker:
    legs = 2
    def move(self):
        return "walk"
class Swimmer:
    fins = 1
    def move(self):
        return "swim"
    def dive(self):
        return "dive"
class Duck(Walker, Swimmer):
    pass
class Fish(Swimmer, Walker):
    pass
d = Duck()
print(d.move(), d.dive(), d.legs, d.fins)
print(Fish().move())
print(issubclass(Duck, Swimmer), isinstance(d, Walker))
