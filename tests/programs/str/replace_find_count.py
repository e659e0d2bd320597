s = "the cat sat on the mat"
print(s.replace("at", "og"))
print(s.replace("the", "a", 1))
print(s.replace("", "-")[:12])
print(s.find("at"), s.find("at", 6), s.find("dog"), s.rfind("at"), s.rfind("the"))
print(s.index("sat"), s.index("t", 10))
print(s.count("at"), s.count("t"), s.count(""), "aaaa".count("aa"))
print(s.find(""), s.find("", 100), s.find("the", -5))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
