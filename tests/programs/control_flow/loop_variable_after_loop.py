for i in range(5):
    pass
print(i)
for j in []:
    pass
print("j" in globals())
k = 0
while k < 4:
    k += 1
print(k)
for x, y in [(1, 2), (3, 4)]:
    pass
print(x, y)
