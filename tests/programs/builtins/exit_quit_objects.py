# exit and quit are the site module's Quitter objects: a helpful repr, and
# calling them raises SystemExit with the given code.
print(repr(exit), str(quit), type(exit).__name__, exit.name, quit.eof)
for q, args in ((exit, ()), (exit, (3,)), (quit, ("bye",)), (exit, (None,))):
    try:
        q(*args)
    except SystemExit as e:
        print(q.name, "SystemExit", repr(e.code), e.args)
try:
    exit(1, 2)
except TypeError as e:
    print("TypeError")
print(callable(exit), exit is not quit)
exit(5)
