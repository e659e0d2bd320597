# Undeclared non-UTF-8 source: CPython names the byte and the line.
x = 1
y = "ÿ"
