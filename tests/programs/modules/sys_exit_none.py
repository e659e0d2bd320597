import sys
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit, code =", e.code)
try:
    sys.exit(7)
except SystemExit as e:
    print("caught code", e.code, e.args)
print("continuing")
sys.exit(None)
