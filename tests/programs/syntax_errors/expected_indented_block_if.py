print("start")
x = 1
if x:
print("no indent")
