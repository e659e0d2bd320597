s = "first part \
second part"
print(s)
t = 'abc\
def'
print(t)
print(len("x\
y"))
u = """tri\
ple"""
print(u)
