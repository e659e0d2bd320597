try:
    {}["a"]
except KeyError:
    print(undefined_in_handler)
