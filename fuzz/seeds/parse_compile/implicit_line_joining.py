values = [
    1,
    2,   # comment inside brackets
    3,
]
print(values)
d = {
    'a': 1,
        'b': 2,
}
print(d)
result = (10
          + 20
  - 5)
print(result)
def f(a,
      b,
   c=3):
    return a + b + c
print(f(1,
        2))
print(max(
    4, 9,
    2))
