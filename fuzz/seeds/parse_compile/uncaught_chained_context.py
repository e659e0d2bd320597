def convert(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError("conversion failed for " + repr(s))
print(convert("12"))
convert("zz")
