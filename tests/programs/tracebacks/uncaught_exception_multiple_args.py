raise ValueError("a", 2, [3])
