def sum_all(values):
    return sum(values)
