print(r"C:\new\table")
print(len(r"\n"), len("\n"))
print(repr(r"\t\\"))
print(r'it\'s')
print(r"a\"b")
print(R"UPPER\prefix")
p = r"""raw
triple \d+"""
print(p)
print(repr(rf"{1+1}\n"))
