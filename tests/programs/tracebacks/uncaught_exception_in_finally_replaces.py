try:
    raise ValueError("original")
finally:
    raise KeyError("replacement")
