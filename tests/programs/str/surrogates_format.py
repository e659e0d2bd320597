# str.format / format_map / f-strings with lone surrogates in the format string, the
# values, the field names, the spec and a __format__ result, as CPython.
s = '\ud800'
print(ascii('{}|{!r}|{:>3}|{!a}'.format(s, s, s, s)), ascii('<\udcff{}>'.format('x')))
print(ascii('{a\ud800}'.format(**{'a\ud800': 1})), ascii('{0:\ud800^5}'.format('x')))
print(ascii('{x}'.format_map({'x': s})), ascii(f'{s}{s!r:>8}'), ascii(format(s, '>3')))
class R:
    def __format__(self, spec): return '\udc80' + spec
print(ascii('{:ab}'.format(R())), ascii('{0}{0}'.format(s)))
for bad in ['{', '}', '{0!x}', '{:d}']:
    try:
        bad.format(s)
    except Exception as e:
        print(type(e).__name__, e)
