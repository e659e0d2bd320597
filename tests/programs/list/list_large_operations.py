big = list(range(100000))
print(len(big), big[-1], sum(big))
big.reverse()
print(big[:3])
big.sort()
print(big[:3], big[-3:])
evens = big[::2]
print(len(evens), evens[-1])
del big[10:]
print(big)
squares = [i * i for i in range(1000)]
print(squares.index(998001), 998001 in squares)
