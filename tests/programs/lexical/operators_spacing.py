a=3;b=4
print(a+b,a-b,a*b,a/b,a//b,a%b,a**b)
print(a<b,a<=b,a>b,a>=b,a==b,a!=b)
print(-a,+a,~a)
print(a&b,a|b,a^b,a<<b,b>>1)
print(not a,a and b,a or b)
x=[1,2,3];print(x[-1],x[1:],x[::2])
print(a if a>b else b)
print((a, b)[a<b])
