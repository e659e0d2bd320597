# An `except ... as name` handler body counts two blocks (the handler and its name
# cleanup), as in CPython: seven loop+try+handler levels exceed the 20 allowed.
n = 0
for i0 in range(1):
    try:
        n += 1
        raise ValueError(0)
    except ValueError as e0:
        for i1 in range(1):
            try:
                n += 1
                raise ValueError(1)
            except ValueError as e1:
                for i2 in range(1):
                    try:
                        n += 1
                        raise ValueError(2)
                    except ValueError as e2:
                        for i3 in range(1):
                            try:
                                n += 1
                                raise ValueError(3)
                            except ValueError as e3:
                                for i4 in range(1):
                                    try:
                                        n += 1
                                        raise ValueError(4)
                                    except ValueError as e4:
                                        for i5 in range(1):
                                            try:
                                                n += 1
                                                raise ValueError(5)
                                            except ValueError as e5:
                                                for i6 in range(1):
                                                    try:
                                                        n += 1
                                                        raise ValueError(6)
                                                    except ValueError as e6:
                                                        for i7 in range(1):
                                                            try:
                                                                n += 1
                                                                raise ValueError(7)
                                                            except ValueError as e7:
                                                                for i8 in range(1):
                                                                    try:
                                                                        n += 1
                                                                        raise ValueError(8)
                                                                    except ValueError as e8:
                                                                        for i9 in range(1):
                                                                            try:
                                                                                n += 1
                                                                                raise ValueError(9)
                                                                            except ValueError as e9:
                                                                                n += 100
print(n)
