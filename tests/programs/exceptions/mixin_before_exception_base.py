# A mixin listed before the exception base: the exception layout still
# decides __base__, repr and the traceback line.
class Mixin:
    def hello(self):
        return "hi " + str(self)
class E(Mixin, ValueError):
    pass
e = E("bad", 2)
print(repr(e), str(e), e.args, e.hello(), E.__base__, E.__mro__)
try:
    raise E("x")
except ValueError as ex:
    print("caught", repr(ex))
class F(Mixin, Exception):
    def __str__(self):
        return "custom"
print(repr(F(1)), str(F(1)))
raise E("final")
