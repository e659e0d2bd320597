class InsufficientFunds(Exception):
    pass
print("checking")
raise InsufficientFunds("balance is 5, need 10")
