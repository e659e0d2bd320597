def tag(label):
    print("creating", label)
    def deco(fn):
        print("applying", label)
        def wrapper():
            return label + "(" + fn() + ")"
        return wrapper
    return deco
@tag("outer")
@tag("inner")
def base():
    return "base"
print(base())
