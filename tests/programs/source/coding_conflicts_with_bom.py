# coding: latin-1
print("not printed")
