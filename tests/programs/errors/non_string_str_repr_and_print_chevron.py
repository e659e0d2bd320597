# str() of an object whose __repr__ returns a non-string blames __str__ (object.__str__
# calls the repr slot directly), repr() blames __repr__; Python 2's `print >>f` gets
# CPython's hint, but only for the print builtin and only for `>>`.
import sys
class A:
    def __repr__(s): return 5
class B:
    def __str__(s): return [1]
    def __repr__(s): return 'B()'
for f in (str, repr):
    for c in (A, B):
        try:
            print(f(c()))
        except TypeError as e:
            print(f.__name__, c.__name__, e)
try:
    print(f"{A()}")
except TypeError as e:
    print('f-string', e)
for expr in (lambda: print >> sys.stderr, lambda: len >> 1, lambda: print << 1):
    try:
        expr()
    except TypeError as e:
        print(e)
x = print
try:
    x >>= 1
except TypeError as e:
    print(e)
print >> 1
