# Calling builtin methods through the class with a missing or wrong receiver.
for f in [lambda: list.__len__(5), lambda: list.__reversed__(), lambda: int.__format__(), lambda: list.__iadd__(), lambda: str.__format__(1,''), lambda: float.__round__(1), lambda: list.__init__(5), lambda: list.__reversed__(5), lambda: int.__add__('a', 1), lambda: list.append(1, 2), lambda: list.append(), lambda: dict.keys(), lambda: str.upper(), lambda: object.__repr__(), lambda: object.__init__(), lambda: str.upper(5)]:
    try: f(); print('ok')
    except TypeError as e: print(e)
