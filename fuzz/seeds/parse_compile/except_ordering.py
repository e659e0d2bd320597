class AppError(Exception): pass
class DbError(AppError): pass
def trigger(exc):
    try:
        raise exc
    except DbError:
        return "DbError handler"
    except AppError:
        return "AppError handler"
    except Exception:
        return "Exception handler"
print(trigger(DbError()))
print(trigger(AppError()))
print(trigger(KeyError()))
try:
    raise DbError("x")
except Exception:
    print("broad first")
except DbError:
    print("never")
