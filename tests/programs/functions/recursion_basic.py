def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print(fact(30))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
m = hanoi(4, "A", "B", "C", [])
print(len(m), m[:5])
