def two_sum(nums, target):
    return depth(0)


def depth(n):
    return depth(n + 1) + 1
