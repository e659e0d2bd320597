a, b, *rest = [1]
