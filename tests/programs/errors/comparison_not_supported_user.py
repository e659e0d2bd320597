class P:
    pass
print(P() < P())
