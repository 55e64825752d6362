def first_at_least(nums, floor):
    if floor is None:
        return nums[0] if nums else None
    candidates = [n for n in nums if n >= floor]
    # A float, then a str, where int? is declared.
    return sum(candidates) / 2 if candidates else "none"
