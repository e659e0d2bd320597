print("ab" * "c")
