class ConfigError(Exception):
    pass
def load(cfg):
    try:
        return cfg["path"]
    except KeyError as e:
        raise ConfigError("no path configured") from e
print("loading")
load({})
