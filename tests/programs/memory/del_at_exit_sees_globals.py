# At exit, objects still alive are finalized (oldest first) while module
# globals like sys are intact, and their output is not lost.
import sys

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        sys.stdout.write("stdout write " + self.name + "\n")

class Raiser:
    def __del__(self):
        raise ValueError("in __del__ at exit")

class Reviver:
    saved = []
    def __del__(self):
        print("reviving")
        Reviver.saved.append(self)

a = D("a")
holder = [D("in list"), D("also in list")]
b = D("b")
r = Raiser()
v = Reviver()

def f():
    c = D("c")

f()
cycle = D("cycle")
cycle.self = cycle
print("end of program")
