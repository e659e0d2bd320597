# 21 nested loop/try blocks in one code object: CPython's CO_MAXBLOCKS is 20.
while 0:
    for x1 in []:
        while 0:
            for x3 in []:
                while 0:
                    for x5 in []:
                        while 0:
                            for x7 in []:
                                while 0:
                                    for x9 in []:
                                        while 0:
                                            for x11 in []:
                                                while 0:
                                                    for x13 in []:
                                                        while 0:
                                                            for x15 in []:
                                                                while 0:
                                                                    for x17 in []:
                                                                        while 0:
                                                                            for x19 in []:
                                                                                while 0:
                                                                                    pass
