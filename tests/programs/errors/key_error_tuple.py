grid = {(0, 0): "a"}
print(grid[(1, "a")])
