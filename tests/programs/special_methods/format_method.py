class Temp:
    def __init__(self, deg):
        self.deg = deg
    def __format__(self, spec):
        if spec == "F":
            return f"{self.deg * 9 / 5 + 32:.1f}F"
        if spec == "":
            return f"{self.deg}C"
        return format(self.deg, spec) + "C"
t = Temp(21.5)
print(f"{t}|{t:F}|{t:>8.2f}")
print("{:F} and {}".format(t, t))
print(format(t, "F"))
