def two_sum(nums, target):
    spins = 0
    while True:
        spins += 1
