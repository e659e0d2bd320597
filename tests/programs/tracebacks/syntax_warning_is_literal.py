# "is" with a literal earns a SyntaxWarning at compile time (stderr is compared
# whole in this area; the program exits 1 so it is recorded).
x = 1
if x is 1 or x is 1:
    pass
while x is not ():
    break
y = [z for z in (1, 2) if z is 2]
x = 1
if 1 < x is 2:
    pass
print(x is -1, x is (1, 2), x is 1 + 1, x is None, x is ..., x is True)
raise SystemExit(1)
