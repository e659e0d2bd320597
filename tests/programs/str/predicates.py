tests = ["123", "12.5", "abc", "abc123", "ABC", "abc ", "   ", "", "Ünï", "²", "Hello World", "hello"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower())
