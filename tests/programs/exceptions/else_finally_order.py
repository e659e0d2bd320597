def run(fail):
    try:
        print("try")
        if fail:
            raise ValueError("boom")
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
    print("after")
run(False)
print("---")
run(True)
