def mean_value(values):
    return sum(values) / len(values)
