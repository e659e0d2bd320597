try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    print("caught KeyboardInterrupt")
raise MemoryError("simulated out of memory")
