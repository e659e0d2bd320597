def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@shout
def hello(name):
    return "hello " + name
@repeat(3)
def one():
    return 1
print(hello("world"))
print(one())
@shout
@shout
def twice():
    return "x"
print(twice())
