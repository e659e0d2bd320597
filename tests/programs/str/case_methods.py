s = "hello wORLD, it's 3am"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print("ÄÖÜ straße".lower(), "straße".upper())
print("hello"[0].upper() + "hello"[1:])
