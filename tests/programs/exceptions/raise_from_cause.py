class LowLevel(Exception): pass
class HighLevel(Exception): pass
def load():
    try:
        {}["config"]
    except KeyError as e:
        raise HighLevel("cannot load") from e
try:
    load()
except HighLevel as e:
    print(repr(e), repr(e.__cause__), e.__cause__ is e.__context__)
    print(type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise LowLevel("hidden") from None
except LowLevel as e:
    print(e.__cause__, type(e.__context__).__name__)
