a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::3], a[::-2], a[7:2:-1])
print(a[5:100], a[100:], a[-100:2], a[3:3])
b = a[:]
b[0] = "changed"
print(a[0], b[0])
print(a[1:9:2][::-1])
