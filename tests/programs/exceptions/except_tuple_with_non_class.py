try:
    raise ValueError(1)
except (ValueError, 5):
    print("caught")
