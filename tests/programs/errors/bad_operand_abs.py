print(abs("x"))
