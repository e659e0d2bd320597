# OSError(errno, strerror[, filename...]) maps to its subclass and keeps
# errno/strerror/filename as members; NameError/AttributeError take name/obj;
# the rest of the 3.11 builtin exception hierarchy exists.
for a in [(), ('msg',), (2, 'x'), (2, 'x', 'f.txt'), (2, 'x', 'f', None, 'g'), (999, 'odd'), ('a', 'b'), (2,), (1, 2, 3, 4, 5, 6), (13, 'denied'), (17, 'exists', 'p'), (110, 't'), (32, 'pipe'), (11, 'again')]:
    e = OSError(*a)
    print(a, type(e).__name__, repr(e), str(e), e.args, e.errno, e.strerror, e.filename, e.filename2, vars(e))
e = FileNotFoundError(2, 'nf', 'x'); print(repr(e), str(e))
class My(OSError): pass
print(type(My(2, 'x')).__name__, str(My(2, 'x')))
print(IOError is OSError, EnvironmentError is OSError)
e = OSError(2, 'x'); e.filename = 'zz'; print(str(e))
print(issubclass(BrokenPipeError, ConnectionError), ConnectionError.__mro__)
try:
    raise PermissionError(13, "Permission denied", "/root/x")
except OSError as e:
    print(type(e).__name__, e.errno, e)
for f in [lambda: NameError('m', name='q', x=1), lambda: NameError('m', nam='q'), lambda: AttributeError('m', name='n', obj=5), lambda: ValueError(x=1), lambda: OSError(2, 'x', filename='f')]:
    try:
        e = f(); print(repr(e), getattr(e, 'name', None), getattr(e, 'obj', None))
    except TypeError as ex:
        print('TypeError', ex)
e = AttributeError('x'); print(vars(e), e.name, e.obj)
e = NameError('x'); print(vars(e), e.name)
try:
    undefined_thing
except NameError as e:
    print(vars(e), e.name)
class A: pass
try:
    A().zz
except AttributeError as e:
    print(vars(e), e.name, type(e.obj).__name__)
names = ["BlockingIOError", "ChildProcessError", "ConnectionAbortedError", "ConnectionRefusedError",
         "ConnectionResetError", "FileExistsError", "InterruptedError", "IsADirectoryError",
         "NotADirectoryError", "ProcessLookupError", "TimeoutError", "UnicodeDecodeError",
         "UnicodeEncodeError", "UnicodeTranslateError", "StopAsyncIteration", "PendingDeprecationWarning",
         "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning"]
import builtins
for n in names:
    t = getattr(builtins, n)
    print(n, t.__mro__[1].__name__)
raise FileNotFoundError(2, "No such file or directory", "data.csv")
