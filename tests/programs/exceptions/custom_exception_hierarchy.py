class ValidationError(Exception):
    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message
    def __str__(self):
        return f"{self.field}: {self.message}"
class RangeError(ValidationError):
    pass
def validate(age):
    if not isinstance(age, int):
        raise ValidationError("age", "must be int")
    if age < 0:
        raise RangeError("age", "must be >= 0")
    return age
for v in [5, -1, "x"]:
    try:
        print("ok", validate(v))
    except RangeError as e:
        print("range:", e, e.args)
    except ValidationError as e:
        print("validation:", e, repr(e.field))
print(issubclass(RangeError, Exception), RangeError.__mro__[1].__name__)
