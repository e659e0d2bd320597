def outer(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
print(outer(12))
def make_fib():
    cache = {}
    def fib(n):
        if n not in cache:
            cache[n] = n if n < 2 else fib(n - 1) + fib(n - 2)
        return cache[n]
    return fib
print(make_fib()(60))
