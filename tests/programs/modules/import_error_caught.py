try:
    import nosuchmodule_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    import another_missing_module
except ImportError as e:
    print(type(e).__name__, isinstance(e, ModuleNotFoundError))
print(issubclass(ModuleNotFoundError, ImportError))
