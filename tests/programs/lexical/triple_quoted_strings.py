a = """line one
line two
    indented three"""
print(a)
b = '''single 'quotes' and "double" inside'''
print(b)
c = """\
no leading newline\
 joined"""
print(c)
print(repr("""a
b"""))
print(len("""
"""))
d = """ends with quote\""""
print(d)
