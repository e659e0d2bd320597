s = "abc"
print(s[None])
