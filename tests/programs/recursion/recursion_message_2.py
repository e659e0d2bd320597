class A:
    def __getattr__(self, n):
        return self.zz
A().q
