# Results built in place (replace, padding, case mapping of long ASCII text,
# concatenation and repetition) match CPython's, including the edge cases.
print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), 'aaa'.replace('a', ''))
print('a.b.c'.replace('.', '::', 1), 'héllo wörld'.replace('ö', 'oe'), 'xyz'.replace('q', 'r'))
print('ab'.replace('ab', 'é' * 3, -1), len('ab' * 3 + 'é'), ('é' * 3)[1:])
print('abc'.center(9, '•'), 'é'.ljust(4, '*') + '|', 'x'.rjust(3, 'ü'), 'abc'.ljust(2))
s = ('Hello, World! ' * 10000) + 'end'
print(len(s.upper()), s.upper()[-20:], s.lower()[:20], s.swapcase()[:14], s.casefold()[-5:])
t = 'ß' + s
print(t.upper()[:8], len(t.upper()), t.title()[:20], t.capitalize()[:6])
print(repr('tab\there' * 2), repr("it's"), ascii('é' * 2))
big = 'ab' * 50000
print(len(big + big), (big + big)[99998:100002], len('é' * 100000), ('é' * 3 + 'x') * 2)
