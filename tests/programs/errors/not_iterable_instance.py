class Bag:
    pass
list(Bag())
