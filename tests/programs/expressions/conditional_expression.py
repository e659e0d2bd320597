for n in [-3, 0, 4]:
    s = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, s)
x = 1 if True else 1 / 0
print(x)
f = (lambda v: "even" if v % 2 == 0 else "odd")
print([f(i) for i in range(4)])
print((1 if False else 2) + 3)
