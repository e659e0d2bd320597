def t(name, val):
    print("eval", name)
    return val
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 2))
print(t("a", 0) or t("b", 0))
print(t("a", "x") or t("b", "y"))
print(not t("a", []))
print([] or {} or 0 or "last")
print(1 and 2 and 3)
print(None and 1, 0 or None)
