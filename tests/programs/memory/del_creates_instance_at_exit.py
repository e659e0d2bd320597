# A __del__ that creates a new instance of its class at exit: CPython runs one final
# pass of finalizers and exits; so does Pyrite (before, exit looped forever).
class A:
    def __del__(self):
        global k
        k = A()

k = A()
print("end")
