# str.translate over code points: lone surrogates in the text, the keys and the
# mapped values, and its errors, as CPython.
s = 'a\ud800b\udcffc'
print(ascii(s.translate({0xd800: 'X', ord('b'): None, ord('c'): 0xdc80})))
print(ascii('abc'.translate({97: '\udfff', 98: 0xd801})), ascii(s.translate(str.maketrans('ab', 'ba'))))
print(ascii('héllo'.translate({ord('é'): 'e'})), ascii('x'.translate({})))
for table in [{97: 0x110000}, {97: 1.5}, {97: -1}]:
    try:
        'a'.translate(table)
    except Exception as e:
        print(type(e).__name__, e)
class T:
    def __getitem__(self, k):
        if k == 120: raise IndexError
        return None if k == 121 else k + 1
print(ascii('xyz\ud800'.translate(T())))
