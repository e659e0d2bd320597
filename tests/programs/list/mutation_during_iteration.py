# Containers mutated while they are compared, printed or iterated, as CPython: each step
# re-reads the container; list()/tuple()/sorted()/*x size the result from __len__ first.
# list == with __eq__ that clears the other list
class E:
    def __init__(s, l): s.l = l
    def __eq__(s, o):
        s.l.clear()
        return True
a = []
a.extend([E(a), 1, 2])
b = [E(a), 5, 6]
print(a == b, a, len(b))
# dict comparison with mutation
class K:
    def __init__(s, d): s.d = d
    def __eq__(s, o):
        s.d.clear()
        return True
    __hash__ = object.__hash__
d1 = {}
d1['x'] = K(d1)
d2 = {'x': 1}
try:
    print(d1 == d2)
except RuntimeError as e:
    print("RuntimeError", e)
# dict keys changed during iteration
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
        d[k + 10] = 1
except RuntimeError as e:
    print(e)
d = {1: 1}
try:
    for k in d:
        d[k + 1] = 1
except RuntimeError as e:
    print(e)
d = {1: 1, 2: 2}
try:
    for k in d:
        d.pop(k); d[k] = 5
except RuntimeError as e:
    print(e)
s = {1, 2}
try:
    for k in s:
        s.discard(k); s.add(k + 10)
except RuntimeError as e:
    print(e)
# repr of list whose __repr__ mutates
class R:
    def __init__(s, l): s.l = l
    def __repr__(s):
        s.l.clear()
        return 'R'
l = []
l.extend([R(l), 1, 2, 3])
print(repr(l))
# min/max with key mutating
l = [3, 1, 2]
def key(x):
    l.clear()
    return x
print(min(l, key=key), l)
# list(x) honours __len__ errors
class L:
    def __init__(s, n): s.n = n
    def __len__(s): return s.n
    def __iter__(s): return iter([1, 2])
for n in [-1, 2**62, 2**100]:
    try:
        print(list(L(n)))
    except Exception as e:
        print(type(e).__name__, e)
class LE:
    def __len__(s): raise KeyError('boom')
    def __iter__(s): return iter([1])
try:
    print(list(LE()))
except Exception as e:
    print(type(e).__name__, e)
class L:
    def __init__(s, n): s.n = n
    def __len__(s): return s.n
    def __iter__(s): return iter(['a', 'b'])
def f(*a): return a
tests = {
 'star_list': lambda: [*L(-1)],
 'star_tuple': lambda: (*L(-1),),
 'star_call': lambda: f(*L(-1)),
 'slice_assign': lambda: [1][0:0].__setitem__(slice(0,0), L(-1)),
 'unpack': lambda: (lambda: [(a, b) for a, b in [L(-1)]])(),
 'dict_fromkeys': lambda: dict.fromkeys(L(-1)),
 'sorted': lambda: sorted(L(-1)),
 'enumerate': lambda: list(enumerate(L(-1))),
 'zip': lambda: list(zip(L(-1))),
 'sum': lambda: sum([], L(-1)) if False else 0,
}
for k, t in tests.items():
    try:
        print(k, t())
    except Exception as e:
        print(k, type(e).__name__, e)
class DD:
    def __init__(s, n): s.n = n
    def __del__(s): print('del', s.n)
l = [DD(i) for i in range(3)]
del l
print('-- clear')
l = [DD(i) for i in range(3)]
l.clear()
print('-- slice assign')
l = [DD(i) for i in range(3)]
l[:] = [1]
print('-- tuple')
t = tuple([DD(i) for i in range(3)])
del t
print('-- dict')
d = {i: DD(i) for i in range(3)}
del d
print('-- set-ish list *= 0')
l = [DD(i) for i in range(3)]
l *= 0
print('-- del l[::2]')
l = [DD(i) for i in range(5)]
del l[::2]
print('-- pop')
l = [DD(i) for i in range(3)]
l[1] = None
del l
print('end')
