class AppError(Exception):
    pass
class NetworkError(AppError):
    pass
try:
    raise NetworkError("timeout after 30s")
except ValueError:
    print("wrong handler")
