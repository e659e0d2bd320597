import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(50)
print(sys.getrecursionlimit())
depth = 0
def dive():
    global depth
    depth += 1
    dive()
try:
    dive()
except RecursionError as e:
    print("RecursionError:", e)
print("depth reached", depth)
sys.setrecursionlimit(1000)
depth = 0
try:
    dive()
except RecursionError:
    print("depth reached", depth)
