stack = [1]
stack.pop(5)
