class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("del", self.name)
root = Node("root", Node("mid", Node("leaf")))
print("dropping root")
root = None
print("--- list clear")
items = [Node("x"), Node("y")]
items.clear()
print("--- pop")
items = [Node("p"), Node("q")]
items.pop()
print("popped")
items[0] = Node("r")
print("replaced")
del items
print("end")
