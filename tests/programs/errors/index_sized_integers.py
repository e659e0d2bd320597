# Sizes and indices past Py_ssize_t: CPython's exceptions and wording, including the
# class named when __index__ returns a huge int, and constant folding that leaves
# failing operations to run time.
class C:
    def __index__(self):
        return 2**63

def attempt(f):
    try:
        print(repr(f())[:40])
    except (IndexError, OverflowError, MemoryError, ValueError) as e:
        print(type(e).__name__, e)

for f in (
    lambda: '' * 2**63,
    lambda: () * 2**63,
    lambda: [] * 2**63,
    lambda: 'ab' * -2**70,
    lambda: '' * 2**62,
    lambda: '%*s|' % (-2**63, 'abc'),
    lambda: '%*s|' % (-5, 'abc'),
    lambda: 1 << 2**63,
    lambda: 1 << 2**64,
    lambda: 1 << 2**100,
    lambda: 0 << 2**100,
    lambda: [1][C()],
    lambda: 'ab' * C(),
    lambda: [1] * C(),
    lambda: 'abc'[C()],
    lambda: (1,)[2**63],
    lambda: [1, 2].pop(2**63),
    lambda: [].insert(2**63, 1),
    lambda: 'ab'.split(',', 2**63),
    lambda: 'a'.zfill(2**63),
    lambda: 'a'.center(2**63),
    lambda: 'a'.replace('a', 'b', 2**63),
    lambda: 'a'.expandtabs(2**63),
    lambda: 'a'.expandtabs(2**40),
):
    attempt(f)
