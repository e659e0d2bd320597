result = None
result.foo
