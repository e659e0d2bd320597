def f():
    nonlocal zzz
    zzz = 1
