def add_big(a, b):
    assert type(a) is int and type(b) is int, (type(a), type(b))
    return a + b
