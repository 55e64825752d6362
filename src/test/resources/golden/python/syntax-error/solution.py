def two_sum(nums, target):
    seen = {}
    for i, x in enumerate(nums)
        seen[x] = i
