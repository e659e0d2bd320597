# A generated sequence of set operations on ints (seeded); every result is
# printed, so order and contents are compared with python3.
s = set()
t = {5, 13, 21, -3, 0}
u = frozenset(range(0, 40, 8))
s.add(16)
print(s)
t = set(list(s)[:5]) | {16}
print(t, frozenset(s) | t, s.union(u, t), s.intersection(t, u), s.difference(t), set(s), list(s)[:3])
s.discard(0)
print(s)
s -= {32}
print(s)
s.add(8)
print(s)
s.add(0)
print(s)
s.discard(56)
print(s)
s ^= t
print(s)
s ^= t
print(s)
s &= set(range(-10, 50))
print(s)
s.add(42)
print(s)
s.add(56)
print(s)
s.add(40)
print(s)
s = s.copy()
print(s)
s = s & (t | u | {0})
print(s)
s = s.copy()
print(s)
s = s | t
print(s)
s = s & (t | u | {-14})
print(s)
s ^= t
print(s)
s.add(24)
print(s)
s.add(32)
print(s)
s.add(96)
print(s)
t = set(list(s)[:5]) | {96}
print(t, frozenset(s) | t, s.union(u, t), s.intersection(t, u), s.difference(t), set(s), list(s)[:3])
s.add(0)
print(s)
s = s & (t | u | {56})
print(s)
s.pop() if s else None
print(s)
s.discard(18)
print(s)
s &= set(range(-10, 50))
print(s)
s -= {24}
print(s)
s.add(34)
print(s)
s.pop() if s else None
print(s)
s |= u
print(s)
s = s | t
print(s)
s = s ^ {0, 1, 2}
print(s)
s = s | t
print(s)
s -= {96}
print(s)
s.add(35)
print(s)
s.add(34)
print(s)
s.pop() if s else None
print(s)
s ^= t
print(s)
s.add(0)
print(s)
s.add(32)
print(s)
s |= u
print(s)
t = set(list(s)[:5]) | {64}
print(t, frozenset(s) | t, s.union(u, t), s.intersection(t, u), s.difference(t), set(s), list(s)[:3])
s ^= t
print(s)
s.pop() if s else None
print(s)
s = s & (t | u | {0})
print(s)
s.pop() if s else None
print(s)
s.pop() if s else None
print(s)
s.add(-17)
print(s)
s = s | t
print(s)
s &= set(range(-10, 50))
print(s)
s = s.copy()
print(s)
s ^= t
print(s)
s = s & (t | u | {-12})
print(s)
s = s | t
print(s)
s.discard(96)
print(s)
s.add(96)
print(s)
s.discard(56)
print(s)
s.add(-17)
print(s)
s = s - {96, 104}
print(s)
s.discard(8)
print(s)
s = s & (t | u | {3})
print(s)
s.discard(40)
print(s)
t = set(list(s)[:5]) | {40}
print(t, frozenset(s) | t, s.union(u, t), s.intersection(t, u), s.difference(t), set(s), list(s)[:3])
s.add(0)
print(s)
s.discard(0)
print(s)
s.add(40)
print(s)
s -= {56}
print(s)
s &= set(range(-10, 50))
print(s)
s = s.copy()
print(s)
s.add(48)
print(s)
s.add(32)
print(s)
s = s - {40, 48}
print(s)
s = s - {64, 72}
print(s)
s.add(0)
print(s)
s -= {24}
print(s)
s.add(32)
print(s)
s = s & (t | u | {0})
print(s)
s -= {24}
print(s)
s.discard(8)
print(s)
s.add(0)
print(s)
s |= u
print(s)
s.add(64)
print(s)
s -= {8}
print(s)
t = set(list(s)[:5]) | {8}
print(t, frozenset(s) | t, s.union(u, t), s.intersection(t, u), s.difference(t), set(s), list(s)[:3])
s -= {24}
print(s)
s = s & (t | u | {24})
print(s)
s = s | t
print(s)
s.pop() if s else None
print(s)
s.discard(64)
print(s)
s.pop() if s else None
print(s)
s.add(32)
print(s)
s &= set(range(-10, 50))
print(s)
s = s & (t | u | {9})
print(s)
s.discard(9)
print(s)
s = s | t
print(s)
s.add(-20)
print(s)
s.discard(27)
print(s)
s = s - {12, 20}
print(s)
s = s & (t | u | {32})
print(s)
s &= set(range(-10, 50))
print(s)
s.add(48)
print(s)
s = s | t
print(s)
s.add(32)
print(s)
s.add(40)
print(s)
t = set(list(s)[:5]) | {40}
print(t, frozenset(s) | t, s.union(u, t), s.intersection(t, u), s.difference(t), set(s), list(s)[:3])
s = s.copy()
print(s)
s |= u
print(s)
s = s ^ {96, 1, 2}
print(s)
s.add(38)
print(s)
s = s ^ {50, 1, 2}
print(s)
s = s & (t | u | {16})
print(s)
s.add(0)
print(s)
s.add(56)
print(s)
s = s.copy()
print(s)
s = s.copy()
print(s)
s.discard(58)
print(s)
s = s ^ {48, 1, 2}
print(s)
s.discard(32)
print(s)
s = s - {0, 8}
print(s)
s = s & (t | u | {96})
print(s)
s = s.copy()
print(s)
s.add(27)
print(s)
s -= {-20}
print(s)
s = s.copy()
print(s)
