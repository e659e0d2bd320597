class HttpError(Exception):
    code = 500
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def describe(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise HttpError(404, "not found")
except HttpError as e:
    print(e.describe(), e.code, str(e))
    e.extra = "attached"
    print(e.extra)
print(HttpError.code)
e = HttpError(418, "teapot")
print(isinstance(e, Exception), e.args)
