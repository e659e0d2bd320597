# %-formatting of text holding lone surrogates: the format string, %s/%r/%a pieces,
# %c of a surrogate int or str, and %(key)s keys, as CPython.
s = '\ud800'
print(ascii('%s|%r|%a' % (s, s, s)), ascii('<\udcff%s>' % 'x'), ascii('%-4s|' % s))
print(ascii('%c%c' % (0xd800, '\udfff')), ascii('%(a\ud800)s' % {'a\ud800': 5}))
print(ascii('%5s' % 'ab'), '%d%%' % 5, ascii('%c' % 0x10ffff))
class R:
    def __repr__(self): return '\udc80!'
print(ascii('%r' % R()), ascii('%s' % [s]))
for bad in [('%c', 0x110000), ('%c', 'ab'), ('%s %s', (1,))]:
    try:
        bad[0] % bad[1]
    except Exception as e:
        print(type(e).__name__, e)
