def none_implicit():
    x = 1
def none_explicit():
    return
def multiple():
    return 1, "two", [3]
def early(n):
    if n > 0:
        return "positive"
    print("fell through")
print(none_implicit(), none_explicit())
a, b, c = multiple()
print(a, b, c)
print(multiple())
print(early(1))
print(early(-1))
