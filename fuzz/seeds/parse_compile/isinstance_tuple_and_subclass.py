class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, (C, A)), isinstance(b, (C,)), isinstance(5, (str, int)))
print(issubclass(B, (C, A)), issubclass(B, B), issubclass(bool, int))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(IndentationError, SyntaxError))
print(issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, BaseException))
