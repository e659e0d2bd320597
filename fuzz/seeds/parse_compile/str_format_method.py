print("{} and {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0[0]} {0[1]} {1[k]}".format([1, 2], {"k": "v"}))
print("{:>5}|{:<5}|{:^5}".format("a", "b", "c"))
print("{:.3f} {:e} {:%}".format(3.14159, 12345.678, 0.25))
print("{{literal}} {}".format(1))
print("{!r} {!s}".format("q", "q"))
class P:
    x = 5
print("{0.x}".format(P()))
print("{:{w}.{p}f}".format(2.71828, w=10, p=2))
