def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
counter = 0
def make_default():
    global counter
    counter += 1
    return counter
def g(v=make_default()):
    return v
print(g(), g(), counter)
print(append_to(5, acc=[0]), append_to(6))
