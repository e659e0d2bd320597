count = 10
print(count)
print(coutn)
