def outer():
    def inner():
        return captured
    result = inner()
    captured = 1
    return result
outer()
