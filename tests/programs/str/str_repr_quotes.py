samples = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\t", "nl\n", "cr\r", "\x00\x07\x1b\x7f", "é€日", "\u200b\xa0", "\U0001F600"]
for s in samples:
    print(repr(s))
print(repr("'"), repr('"'), repr("'\""))
