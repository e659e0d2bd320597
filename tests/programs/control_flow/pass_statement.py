def nothing():
    pass
class Empty:
    pass
for i in range(3):
    pass
if True:
    pass
else:
    pass
print(nothing(), Empty.__name__, i)
