try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
try:
    raise SystemExit(5)
except SystemExit as e:
    print("SystemExit caught", e.code)
try:
    raise MemoryError()
except MemoryError as e:
    print("MemoryError", repr(e))
try:
    raise StopIteration(7)
except StopIteration as e:
    print("StopIteration args", e.args)
