# iter(str) gives a str_ascii_iterator for ASCII text and a str_iterator
# otherwise; both walk code points.
for s in ["", "abc", "héllo", "日本語", "a\U0001F600b"]:
    it = iter(s)
    print(repr(s), type(it).__name__, list(it), list(it))
it = iter("ñandú")
print(next(it), next(it), iter(it) is it)
print("".join(reversed("ñandú")), [c for c in "añb" if c != "ñ"])
