def is_prime(n):
    if n < 2:
        return False
    return all([n % d for d in range(2, int(n ** 0.5) + 1)])
print([n for n in range(50) if is_prime(n)])
words = ["Hello", "WORLD", "python", "Rust"]
print([w.lower() for w in words if w[0].isupper()])
print(sum([len(w) for w in words]))
print(max([(len(w), w) for w in words]))
