café = 3
naïve = 4
π = 3.14159
Δx = 0.5
print(café + naïve)
print(π * 2)
print(Δx)
def größe(wert):
    return wert * 2
print(größe(21))
class Ärger:
    zähler = 7
print(Ärger.zähler, Ärger.__name__)
日本 = "japan"
print(日本)
