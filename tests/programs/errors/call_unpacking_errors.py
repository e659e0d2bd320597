# Errors from * and ** at call sites name the callee, as CPython 3.11 does;
# ** keys must be strings.
def t(*a, **k):
    return a, k
class A:
    def m(self, *a, **k):
        return a
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("star int", lambda: t(*5))
attempt("star2 int", lambda: t(1, *5))
attempt("list star", lambda: [*5])
attempt("kw int", lambda: t(**5))
attempt("kw dup", lambda: t(**{"x": 1}, x=2))
attempt("kw dup2", lambda: t(**{"x": 1}, **{"x": 2}))
attempt("kw nonstr", lambda: t(**{1: 2}))
attempt("method star", lambda: A().m(*5))
attempt("method kw", lambda: A().m(**5))
attempt("class kw", lambda: A(**5))
attempt("print star", lambda: print(*5))
attempt("len star", lambda: len(*1))
attempt("len kw", lambda: len(**{1: 2}))
attempt("dict kw", lambda: dict(**{1: 2}))
attempt("ok", lambda: t(*[1, 2], *(3,), **{"a": 1}, b=2))
attempt("gen", lambda: t(*"ab", *range(2)))
attempt("lambda", lambda: (lambda *a: a)(*{1: 2}))
class M:
    def keys(self): return ["z"]
    def __getitem__(self, k): return 9
attempt("mapping", lambda: t(**M()))
attempt("mapping dup", lambda: t(z=1, **M()))
