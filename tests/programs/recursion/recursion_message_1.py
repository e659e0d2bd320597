class C:
    def __init__(self):
        C()
C()
