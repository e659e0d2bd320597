print("start)
