def risky():
    raise RuntimeError("original")
try:
    try:
        risky()
    except RuntimeError:
        print("logging and re-raising")
        raise
except RuntimeError as e:
    print("outer got:", e)
try:
    try:
        raise ValueError(1)
    except ValueError as e:
        err = e
        raise e
except ValueError as e2:
    print(e2 is err)
