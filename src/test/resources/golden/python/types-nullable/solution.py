from typing import List, Optional


def first_at_least(nums: List[int], floor: Optional[int]) -> Optional[int]:
    for n in nums:
        if floor is None or n >= floor:
            return n
    return None
