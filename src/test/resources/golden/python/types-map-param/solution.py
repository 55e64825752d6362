def group_lengths(lengths):
    assert isinstance(lengths, dict)
    return {key: sum(values) for key, values in lengths.items()}
