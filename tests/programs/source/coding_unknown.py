# coding: bogus
print("not printed")
