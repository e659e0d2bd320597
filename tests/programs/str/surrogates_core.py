# Lone surrogates are ordinary code points of a str, as in CPython: literals, chr,
# ord, len, indexing, slicing, iteration, concatenation, repetition, comparison,
# hashing, repr and ascii all see them; only writing them to stdout fails.
s = '\ud800'
print(len(s), ascii(s), repr(s), ord(s))
t = chr(0xdcff) + 'abc' + '\U0001f600' + '\ud83d\ude00'
print(len(t), ascii(t), t == 'x', t[0] == '\udcff', ascii(t[-2:]), ascii(t[::-1]))
print([ascii(c) for c in t])
print(ascii(t[1:4]), ascii(t[::2]), ascii(t[5]), ascii(t[-1]))
# A surrogate pair stays two code points, never the supplementary character.
print('\ud800\udc00' == '\U00010000', len('\ud800\udc00'), ascii('\ud800' + '\udc00'))
print(sorted(['\ue000', '\ud800', '\ud7ff', 'a', '\U00010000']) == ['a', '\ud7ff', '\ud800', '\ue000', '\U00010000'])
print('\ud800' < '\ue000', '\ud7ff' < '\ud800', '\udfff' < '\U00010000')
d = {s: 1, '\udc80': 2}
print(d[chr(0xd800)], ascii(list(d)), hash('\ud800') == hash(chr(0xd800)))
print(ascii(s * 3), ascii('-'.join([s, 'x', s])), s in t, '\udcff' in t, 'ab' in t)
print(ascii(f'<{s}>'), ascii(f'{s}{t}'), ascii(str(s)), ascii(repr(t)))
print(ascii({s}), ascii((s, 1)), [s], (s,), {s: s})
print(ascii('\ud800' '\udc00' 'x'), ascii(r'\ud800'), len(r'\ud800'))
print(ascii(list(reversed(t))), ascii(max(t)), ascii(min('\udcff', '\ud800')))
print(ascii(chr(0xd800) + chr(0xdfff)), [hex(ord(c)) for c in '\udfff\ud800'])
print(repr('\ud800\'"'), repr("\udfff'"))
it = iter(t)
print(it.__length_hint__(), ascii(next(it)), it.__length_hint__())
