def level3():
    raise KeyError("deep")
def level2():
    try:
        level3()
    except ValueError:
        print("level2 wrong handler")
    finally:
        print("level2 finally")
def level1():
    try:
        level2()
    except KeyError as e:
        print("level1 caught", e)
        return "handled"
print(level1())
