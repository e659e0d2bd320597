counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter)
def set_new():
    global brand_new
    brand_new = "created"
set_new()
print(brand_new)
x = "global"
def shadow():
    x = "local"
    return x
print(shadow(), x)
def read_global():
    return x.upper()
print(read_global())
