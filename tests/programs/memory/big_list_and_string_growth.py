lst = []
for i in range(500000):
    lst.append(i)
print(len(lst), lst[-1])
while len(lst) > 10:
    lst.pop()
print(lst)
s = ""
for i in range(20000):
    s += "x"
print(len(s))
big = "ab" * 1000000
print(len(big), big[-3:])
