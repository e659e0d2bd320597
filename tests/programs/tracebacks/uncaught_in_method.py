class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise RuntimeError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self.balance
a = Account(100)
print(a.withdraw(30))
print(a.withdraw(80))
