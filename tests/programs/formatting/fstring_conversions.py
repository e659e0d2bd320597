class Q:
    def __repr__(self):
        return "Q-repr"
    def __str__(self):
        return "Q-str"
q = Q()
print(f"{q} {q!r} {q!s}")
print(f"{'text'!r} {'text'}")
print(f"{'é'!a} {[1, 'ü']!a}")
print(f"{q!r:>10}|{q!s:<8}|")
print(f"{None} {True!r} {1.0}")
