def search(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            print("found at", i)
            break
        i += 1
    else:
        print("not found")
search([1, 2, 3], 2)
search([1, 2, 3], 5)
n = 0
while n < 3:
    n += 1
else:
    print("loop finished with n =", n)
while False:
    pass
else:
    print("else runs even with zero iterations")
