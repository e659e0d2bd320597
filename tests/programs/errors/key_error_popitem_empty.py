d = {"a": 1}
d.popitem()
d.popitem()
