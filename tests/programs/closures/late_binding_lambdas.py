funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])
def make():
    fs = []
    for i in range(3):
        fs.append(lambda: i * 10)
    i = 100
    return fs
print([f() for f in make()])
