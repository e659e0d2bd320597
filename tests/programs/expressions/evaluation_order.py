def p(x):
    print("eval", x)
    return x
print(p(1) + p(2) * p(3))
d = {p("k1"): p("v1"), p("k2"): p("v2")}
print(d)
def f(a, b, c):
    return a, b, c
print(f(p(1), p(2), c=p(3)))
lst = [0, 0]
lst[p(0)] = p(5)
print(lst)
