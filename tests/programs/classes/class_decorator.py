def add_describe(cls):
    def describe(self):
        return cls.__name__ + " with " + str(sorted(vars(self)))
    cls.describe = describe
    return cls
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
@add_describe
class Thing:
    def __init__(self):
        self.a = 1
        self.b = 2
print(Thing().describe())
print(registry)
