counts = {1: "one"}
print(counts[2])
