s = "abc"
t = s
s += "d"
print(s, t)
print("ab" * 3, 3 * "-", "x" * 0, "y" * -2)
print("a" < "b", "abc" < "abd", "B" < "a", "abc" < "ab")
print("abc" == "abc", "a" + "b" == "ab")
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
print(min("hello"), max("hello"), sorted("cba"))
