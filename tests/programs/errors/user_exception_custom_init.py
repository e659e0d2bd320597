class HttpError(Exception):
    def __init__(self, code, reason):
        super().__init__(f"{code} {reason}")
        self.code = code
raise HttpError(404, "Not Found")
