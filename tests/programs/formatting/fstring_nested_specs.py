w, p = 10, 3
val = 3.14159
print(f"[{val:{w}.{p}f}]")
print(f"[{'hi':{'>'}{w}}]")
for width in [4, 6, 8]:
    print(f"|{'x':^{width}}|")
fmt = ".2f"
print(f"{val:{fmt}}")
fill = "*"
print(f"{'c':{fill}^5}")
