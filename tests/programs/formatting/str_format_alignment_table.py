rows = [("apple", 1.5, 10), ("banana", 0.25, 150), ("kiwi", 12.0, 3)]
print("{:<8}|{:>8}|{:>5}".format("name", "price", "qty"))
print("-" * 23)
for name, price, qty in rows:
    print("{:<8}|{:>8.2f}|{:>5d}".format(name, price, qty))
total = sum([p * q for _, p, q in rows])
print("{:<8}|{:>8.2f}|".format("total", total))
print(f"{'end':=^23}")
