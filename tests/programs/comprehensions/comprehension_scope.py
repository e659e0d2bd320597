x = "outer"
result = [x for x in range(3)]
print(result, x)
y = 10
print([y + i for i in range(3)])
def f():
    n = 5
    return [n * i for i in range(3)]
print(f())
class C:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
print(C.doubled)
print("i" in globals())
