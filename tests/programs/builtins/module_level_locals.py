# At module level locals(), vars() and dir() are the module's globals; in a
# function and a class body they are the local namespace.
x = 1
print("x" in dir(), "x" in vars(), "x" in locals(), locals() is globals())
def f():
    y = 2
    return locals(), dir()
print(f())
class C:
    z = 3
    print("z" in locals(), sorted(dir())[:3])
print(sorted([n for n in dir() if not n.startswith("__")]))
