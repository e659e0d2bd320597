try:
    [].pop()
except IndexError as e:
    print("saw:", e)
    raise
