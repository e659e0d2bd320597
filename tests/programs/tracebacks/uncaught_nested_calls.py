def inner(d):
    return d["missing"]
def outer():
    data = {"present": 1}
    return inner(data) + 1
print("before")
outer()
print("never printed")
