s = "abc" 'def' """ghi"""
print(s)
t = ("first "
     "second "
     'third')
print(t)
print("a" "b" == "ab")
u = r"raw\n" "cooked\n"
print(repr(u))
print(len("x" "y" "z"))
n = 5
print(f"n={n} " "plain {n} " f"again {n * 2}")
