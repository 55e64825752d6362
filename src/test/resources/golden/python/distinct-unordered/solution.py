def distinct_values(nums):
    return sorted(set(nums), reverse=True)
