print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
text = "line1\nline2\r\nline3\rline4\n\nline6"
print(text.splitlines())
print("a\nb\n".splitlines(), "".splitlines(), "\n".splitlines())
