import sys


def two_sum(nums, target):
    print("checking", len(nums), file=sys.stderr)
    sys.stdout.write("partial ")
    print({"target": target})
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
