# Read-only builtin attributes, start/stop/step members and dunders set to
# None give CPython's messages.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
class C:
    __contains__ = None
    __iter__ = None
class D:
    __hash__ = None
class L:
    __len__ = None
def setreal(): (1).real = 2
def delreal(): del (1).real
def setimag(): (1.5).imag = 2
attempt("contains", lambda: 1 in C())
attempt("iter", lambda: iter(C()))
attempt("for", lambda: [x for x in C()])
attempt("hash", lambda: hash(D()))
attempt("len", lambda: len(L()))
attempt("real", setreal)
attempt("delreal", delreal)
attempt("imag", setimag)
attempt("slice", lambda: slice(1).start.__class__)
attempt("rangeattr", lambda: setattr(range(3), "start", 1))
