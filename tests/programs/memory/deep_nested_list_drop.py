x = []
for i in range(1000000):
    x = [x]
depth = 0
y = x
while y:
    y = y[0]
    depth += 1
print("depth", depth)
y = None
del x
print("survived dropping a 1,000,000-deep nested list")
