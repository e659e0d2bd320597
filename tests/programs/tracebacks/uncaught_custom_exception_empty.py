class Failure(Exception):
    pass
print("about to fail")
raise Failure
