print(divmod(5, 0))
