def show(*args, **kwargs):
    print("args:", args)
    print("kwargs:", kwargs)
show()
show(1, 2, 3)
show(a=1, b=2)
show(1, "x", key="v", other=None)
def head_tail(first, *rest):
    return first, rest
print(head_tail(1))
print(head_tail(1, 2, 3))
