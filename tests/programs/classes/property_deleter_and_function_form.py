class Item:
    def __init__(self):
        self._v = 1
    def get_v(self):
        print("get")
        return self._v
    def set_v(self, v):
        print("set", v)
        self._v = v
    def del_v(self):
        print("delete")
        del self._v
    v = property(get_v, set_v, del_v, "the v property")
i = Item()
print(i.v)
i.v = 5
print(i.v)
del i.v
print(hasattr(i, "_v"))
print(type(Item.v).__name__)
