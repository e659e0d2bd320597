def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di", greeting="Yo"))
def f(a, b=2, *, c, d=4):
    return (a, b, c, d)
print(f(1, c=3))
print(f(1, 5, c=6, d=7))
