class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"
class Cat(Animal):
    sound = "meow"
    def kind(self):
        return "cat, an " + super().kind()
c = Cat("Tom")
print(c.speak())
print(c.kind())
print(isinstance(c, Animal), isinstance(c, Cat), issubclass(Cat, Animal), issubclass(Animal, Cat))
print(Cat.__bases__[0].__name__, [k.__name__ for k in Cat.__mro__])
