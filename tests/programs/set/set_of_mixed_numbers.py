s = {1, 1.0, True}
print(len(s), s)
s2 = {0, False, 0.0, -0.0}
print(len(s2))
print({1, 2} == {2.0, 1.0})
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
