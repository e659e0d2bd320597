s = {1, 2, 3}
s.update([4, 5], {6})
print(sorted(s))
s.intersection_update({1, 2, 3, 4, 99})
print(sorted(s))
s.difference_update([1, 2])
print(sorted(s))
s |= {10}
s &= {3, 4, 10}
s -= {4}
print(sorted(s))
s ^= {3, 11}
print(sorted(s))
