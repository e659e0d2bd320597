registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return "a"
@register
def beta():
    return "b"
print(sorted(registry))
print([registry[k]() for k in sorted(registry)])
def count_calls(fn):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop(x=None):
    return x
noop(); noop(1); noop(x=2)
print(noop.calls)
