def connect(host, *, port=80, secure=False):
    return host + ":" + str(port) + (" (secure)" if secure else "")
print(connect("example"))
print(connect("example", port=443, secure=True))
def only_kw(*, a, b):
    return a - b
print(only_kw(b=1, a=10))
def mixed(a, *args, flag, **rest):
    return a, args, flag, rest
print(mixed(1, 2, 3, flag=True, extra="e"))
