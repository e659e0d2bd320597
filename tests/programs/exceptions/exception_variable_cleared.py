try:
    raise ValueError("x")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
e = "rebound"
try:
    raise KeyError(1)
except KeyError as e:
    pass
print("e" in globals())
