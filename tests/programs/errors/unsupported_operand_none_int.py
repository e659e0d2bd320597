value = None
print(value + 1)
