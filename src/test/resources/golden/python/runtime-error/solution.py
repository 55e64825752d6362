def two_sum(nums, target):
    empty = []
    return helper(nums, empty)


def helper(nums, empty):
    return [nums[0] // len(empty)]
