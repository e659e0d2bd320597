data = None
print(data["key"])
