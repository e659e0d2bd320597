# The str methods see a lone surrogate as an ordinary, inert character, as CPython.
s = 'a\ud800b c\udcff\n\ud800x'
print(ascii(s.split()), ascii(s.split('\ud800')), ascii(s.rsplit('\ud800', 1)))
print(s.find('\udcff'), s.index('b'), s.rfind('\ud800'), s.count('\ud800'), 'xyz'.find('\ud800'))
print(s.startswith('a\ud800'), s.endswith(('q', '\ud800x')), ascii(s.upper()), ascii(s.title()))
print(ascii(s.replace('\ud800', '-')), ascii('ab'.replace('b', '\udc80')), ascii(s.strip('a\ud800x')))
print(ascii(s.partition('\udcff')), ascii(s.splitlines()), ascii(s.center(15, '\udc00')))
print(s.isprintable(), '\ud800'.isalpha(), '\ud800'.isidentifier(), '\ud800'.isspace(), ascii(s.swapcase()))
print(ascii(format('\ud800', '^5')), ascii(f'{s:*>4}'), ascii('\ud800'.zfill(3)), ascii('x\ud800'.capitalize()))
print(ascii('-\ud800-'.removeprefix('-')), ascii('\tx\ud800'.expandtabs(4)), '\ud800'.isascii())
print(ascii('ΣΑ\ud800'.lower()), ascii('aΣ\ud800'.lower()))
print(ascii('\ud800'.split('\ud800')), ascii('a\ud800'.rpartition('\ud800')), ascii('\ud800 x'.rsplit()))
print(ascii(' \ud800 '.strip()), ascii('\ud800'.ljust(3, '.')), ascii('\ud800'.rjust(3)), '\ud800'.istitle())
print(ascii('\ud800'.removesuffix('\ud800')), 'x\ud800y'.index('y'), 'x\ud800y'.rindex('\ud800'))
