total = 1 + \
        2 + \
        3
print(total)
if total > 5 and \
   total < 10:
    print("in range")
name = "abc" \
       "def"
print(name)
x = [1,
     2] + \
    [3]
print(x)
