# -*- coding: latin-1 -*-
# PEP 263: the declared codec decodes the source.
s = "café µ"
print(s, len(s), [hex(ord(c)) for c in s])
