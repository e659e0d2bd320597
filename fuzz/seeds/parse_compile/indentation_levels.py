def outer():
    x = 1
    if x:
            y = 2  # deeper indentation is fine if consistent within the block
            if y:
              print("odd indent", x, y)
    for i in range(1):
     print("one space", i)
    return "ok"
print(outer())
if True:
  if True:
        if True:
                print("deep")
print("end")
