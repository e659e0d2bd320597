class Config:
    pass
c = Config()
setattr(c, "debug", True)
c.level = 3
print(getattr(c, "debug"), getattr(c, "missing", "default"))
print(hasattr(c, "level"), hasattr(c, "nope"))
delattr(c, "level")
print(hasattr(c, "level"))
Config.shared = "yes"
print(c.shared)
print(sorted(vars(c)))
print([n for n in dir(c) if not n.startswith("__")])
