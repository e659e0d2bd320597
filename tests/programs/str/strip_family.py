s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.site.com".lstrip("w."))
print("path///".rstrip("/"), repr("".strip()), repr("   ".strip()))
print("120000".rstrip("0"), "0012".lstrip("0"))
