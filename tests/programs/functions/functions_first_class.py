def double(x):
    return x * 2
def apply(f, v):
    return f(v)
print(apply(double, 21))
ops = {"dbl": double, "neg": lambda x: -x, "abs": abs}
for name in ["dbl", "neg", "abs"]:
    print(name, ops[name](-4))
print(double.__name__, (lambda: 0).__name__)
funcs = [double, str, len]
print([f("ab") for f in funcs])
alias = double
print(alias is double, alias(5))
