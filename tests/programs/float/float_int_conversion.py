print(int(2.5), int(-2.5), int(0.9999999999999999), int(1e300) % 1000)
print(float(2**53), float(2**53 + 1), float(2**53 + 2), float(10**20))
print(float(2**1023) * 2)
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError:", e)
print(int(7.0))
