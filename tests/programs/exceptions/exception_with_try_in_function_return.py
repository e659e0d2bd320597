def parse(s):
    try:
        n = int(s)
    except ValueError:
        print("bad input", repr(s))
        return None
    else:
        print("parsed", n)
        return n * 2
    finally:
        print("done with", repr(s))
print(parse("21"))
print(parse("abc"))
