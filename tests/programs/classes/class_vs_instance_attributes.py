class Dog:
    species = "canis"
    tricks = []
    def __init__(self, name):
        self.name = name
a = Dog("rex")
b = Dog("fido")
print(a.species, b.species)
a.species = "wolf"
print(a.species, b.species, Dog.species)
Dog.species = "canis familiaris"
print(a.species, b.species)
a.tricks.append("roll")
print(b.tricks, Dog.tricks)
del a.species
print(a.species)
print(vars(a), vars(b))
