def f(a, b):
    raise ValueError(a)
r = f(1,
      2)
