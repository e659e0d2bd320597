lst = [1, 2, 3]
print(2 in lst, 4 in lst, 4 not in lst)
print("ell" in "hello", "z" not in "hello", "" in "abc")
print(1 in {1: "a"}, "a" in {1: "a"})
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2))
print((1, 2) in [(1, 2), (3, 4)])
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
print(1.0 in [1], True in [1])
