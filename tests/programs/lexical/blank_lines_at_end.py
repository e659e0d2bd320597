print("last line follows")



x = 42
print(x)



