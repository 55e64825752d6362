def two_sum(nums, target):
    return find(nums, target, 0, {}, 20000)


def find(nums, target, i, seen, pad):
    if pad > 0:
        return find(nums, target, i, seen, pad - 1)
    if nums[i] in seen:
        return [seen[nums[i]], i]
    seen[target - nums[i]] = i
    return find(nums, target, i + 1, seen, 0)
