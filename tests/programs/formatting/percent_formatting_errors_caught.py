try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
print("%s" % ((1, 2),))
print("%d" % 3.99, "%i" % -2.5)
