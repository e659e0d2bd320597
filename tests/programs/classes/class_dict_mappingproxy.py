# C.__dict__ is a read-only mappingproxy; class statements add the __dict__ /
# __weakref__ getset descriptors and their own __doc__, as in CPython.
class A:
    x = 1
    def f(self): pass
mp = A.__dict__
print(type(mp), mp['x'], 'x' in mp, len(mp) > 0, list(mp.keys())[:3], mp.get('zz', 5))
print(list(mp))
try: mp['y'] = 1
except Exception as e: print(type(e).__name__, e)
try: del mp['x']
except Exception as e: print(type(e).__name__, e)
try: mp.pop('x')
except Exception as e: print(type(e).__name__, e)
print(vars(A) == A.__dict__, dict(mp)['x'])
print(type(int.__dict__).__name__, 'append' in list.__dict__)
print(sorted([k for k in mp if not k.startswith('__')]))
print(mp.copy()['x'], type(mp.copy()).__name__)
print([m for m in dir(mp) if not m.startswith('_')])
try: mp['nope']
except KeyError as e: print('KeyError', e)
print(A.__dict__ == A.__dict__, A.__dict__ is A.__dict__)
try: hash(mp)
except Exception as e: print(type(e).__name__, e)
print(mp == dict(mp), mp != {}, {} == mp)
print(type(mp)({'a': 1}), str(type(mp)({'a': 1})), len(type(mp)({'a': 1})))
try: type(mp)([1])
except Exception as e: print(type(e).__name__, e)
try: type(mp)()
except Exception as e: print(type(e).__name__, e)
print(list(reversed(type(mp)({'a': 1, 'b': 2}))))
try: mp.get()
except Exception as e: print(type(e).__name__, e)
try: mp.keys(1)
except Exception as e: print(type(e).__name__, e)
try: mp.x = 1
except Exception as e: print(type(e).__name__, e)
print(type(mp)({'a': 1}) | {'b': 2}, {'b': 2} | type(mp)({'a': 1}))
a = A(); a.x = 1
d = A.__dict__['__dict__']; w = A.__dict__['__weakref__']
print(d, w, type(d).__name__, d.__get__(None, A) is d, d.__name__)
print(d.__get__(a), w.__get__(a))
a.__dict__ = {'y': 2}; print(a.y, vars(a))
try: a.__dict__ = 5
except Exception as e: print(type(e).__name__, e)
del a.__dict__
print(vars(a))
try: a.__weakref__ = 1
except Exception as e: print(type(e).__name__, e)
print(a.__weakref__)
class B(A):
    "B doc"
print(list(B.__dict__), B.__dict__['__doc__'])
class C(A): pass
print(C.__doc__, C().__doc__, list(C.__dict__))
class E(Exception): pass
e = E(); e.__dict__ = {'q': 1}; print(e.q)
print(list(E.__dict__), E.__dict__['__weakref__'])
class F(E): pass
print(list(F.__dict__))
try: d.__get__(5)
except Exception as ex: print(type(ex).__name__, ex)
print(type(mp.items()).__name__, sorted(mp.values(), key=repr)[0] is None)
class G:
    "doc"
    y = 2
print(list(G.__dict__))
print(repr(type(mp)({'k': [1, 2]})))
