def mutate(lst):
    lst.append("added")
def rebind(lst):
    lst = ["new"]
    return lst
data = [1]
mutate(data)
print(data)
print(rebind(data), data)
def modify_dict(d, **kw):
    d.update(kw)
cfg = {}
modify_dict(cfg, a=1, b=2)
print(cfg)
