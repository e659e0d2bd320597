# Lone surrogates through attribute names, int()/float() errors, sorting, join,
# exception arguments, sys.intern and type names (which must be UTF-8).
s = '\ud800'
class C: pass
c = C()
setattr(c, s, 5)
print(getattr(c, s), hasattr(c, s), ascii(list(vars(c))))
for f in (int, float):
    try:
        f('1\ud800')
    except ValueError as e:
        print(type(e).__name__, ascii(str(e)))
try:
    int('\udcff', 16)
except ValueError as e:
    print(ascii(str(e)))
print(ascii('%r' % s), ascii(str([s])), ascii(format(s)), ascii(format(s, '')))
d = {'\udcff': 1}
try:
    d['\udcfe']
except KeyError as e:
    print(ascii(repr(e)))
print(ascii(s.join(['a', 'b'])), ascii(''.join([s] * 2)), ascii(min([s, 'a'])))
print(ascii(sorted({s: 1, 'b': 2, '\ue000': 3, '\ud7ff': 4})), s.__len__(), ascii(s.__getitem__(0)))
try:
    raise ValueError(s)
except ValueError as e:
    print(ascii(e.args[0]), ascii(str(e)), ascii(repr(e)))
import sys
print(ascii(sys.intern(s)), sys.intern(s) == s)
try:
    type('\ud800X', (), {})
except UnicodeEncodeError as e:
    print('type name:', e)
