import sys
def work():
    try:
        sys.exit(2)
    finally:
        print("cleanup in work")
try:
    work()
except Exception:
    print("SystemExit is not an Exception")
