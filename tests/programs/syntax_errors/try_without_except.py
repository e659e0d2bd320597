print("a")
try:
    x = 1
print(x)
