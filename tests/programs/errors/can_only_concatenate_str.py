name = "count: "
print(name + 5)
