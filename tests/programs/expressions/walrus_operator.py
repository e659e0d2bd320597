data = [1, 5, 10, 20]
if (n := len(data)) > 3:
    print("long list", n)
i = 0
while (v := data[i]) < 10:
    print("value", v)
    i += 1
print(v, i)
print([y for x in data if (y := x * 2) > 5])
print(y)
print((z := 7) + z)
