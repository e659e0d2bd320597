try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    try:
        raise KeyError("a")
    finally:
        print("cleanup")
except KeyError as e:
    print("outer caught", e, e.__context__)
