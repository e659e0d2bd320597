a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
s = "x"
r = s
s += "y"
print(s, r)
d = {"k": [0]}
d["k"] += [1]
print(d)
class O: pass
o = O()
o.v = 1
o.v += 41
print(o.v)
