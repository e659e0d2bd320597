class Money:
    pass
m = Money()
print(m * 2)
