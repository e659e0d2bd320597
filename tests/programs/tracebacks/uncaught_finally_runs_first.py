def work():
    try:
        print("working")
        raise KeyError("k")
    finally:
        print("cleanup before traceback")
work()
