# Static types of modules other than builtins have dotted names, as CPython's tp_name:
# messages and reprs say "_io.TextIOWrapper", __name__ is "TextIOWrapper".
import sys
for o in (sys.stdout, sys.flags, sys.version_info, sys.float_info, 1, [], print):
    t = type(o)
    print(t, t.__name__, t.__qualname__, t.__module__)
try:
    sys.stdout + 1
except TypeError as e:
    print(e)
try:
    sys.flags.x = 1
except AttributeError as e:
    print(e)
try:
    len(sys.stdout)
except TypeError as e:
    print(e)
C = type('a.b', (), {})
print(C.__name__, C.__qualname__, C)
print(repr(sys.version_info)[:20])
print(sys.flags.optimize, sys.flags.debug, sys.flags.isolated, sys.flags.dev_mode)
