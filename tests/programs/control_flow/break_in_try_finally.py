for i in range(3):
    try:
        if i == 1:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after loop", i)
for i in range(3):
    try:
        if i < 2:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
