class C:
    def m(self):
        return 1
C().m(5)
