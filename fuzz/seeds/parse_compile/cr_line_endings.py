# Lone CR and CRLF line endings are newlines, inside strings too.print(1)
x = """ab
c"""print(repr(x))if x:    print("indented")