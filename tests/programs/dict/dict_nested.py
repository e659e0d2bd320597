tree = {"name": "root", "children": [{"name": "a", "children": []}, {"name": "b", "children": [{"name": "c", "children": []}]}]}
def walk(node, depth=0):
    print("  " * depth + node["name"])
    for ch in node["children"]:
        walk(ch, depth + 1)
walk(tree)
tree["children"][1]["children"][0]["extra"] = {"k": [1, 2]}
print(tree["children"][1])
