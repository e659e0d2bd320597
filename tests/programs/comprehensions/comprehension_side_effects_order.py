log = []
def t(x):
    log.append(x)
    return x
r = [t(i) for i in range(3) if t(i * 10) is not None]
print(r)
print(log)
d = {t("k%d" % i): t("v%d" % i) for i in range(2)}
print(d)
print(log[-4:])
