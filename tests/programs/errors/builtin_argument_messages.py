# Argument checks and messages of assorted builtins (sorted reverse, iter
# sentinel, chr via __index__, ** keys, None in type errors, qualified
# method names, sum, issubclass, attribute names, shift counts).
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
def kw(**k): return k
def g(a): return a
attempt("kw", lambda: kw(**{1: 2}))
attempt("dict", lambda: dict(**{1: 2}))
attempt("g", lambda: g(**{1: 2}))
attempt("sorted rev str", lambda: sorted([1, 2], reverse="yes"))
attempt("sorted rev none", lambda: sorted([1, 2], reverse=None))
attempt("sorted rev float", lambda: sorted([1, 2], reverse=2.5))
attempt("sorted rev 1", lambda: sorted([1, 2], reverse=1))
attempt("iter55", lambda: iter(5, 5))
class I:
    def __index__(self): return 65
attempt("chr index", lambda: chr(I()))
attempt("chr big", lambda: chr(2**40))
attempt("pop", lambda: {}.pop([], 1))
attempt("pop2", lambda: {1: 2}.pop([], 1))
attempt("sum0", lambda: sum())
attempt("issub", lambda: issubclass(int, 5))
attempt("replace kw", lambda: "a".replace(old="a", new="b"))
attempt("replace none", lambda: "a".replace(None, "x"))
attempt("format none", lambda: format(1, None))
attempt("setattr", lambda: setattr(object(), 5, 1))
attempt("hasattr", lambda: hasattr(object(), 5))
attempt("delattr", lambda: delattr(object(), 5))
attempt("shift", lambda: 1 << 2**100)
