function twoSum(nums, target) {
  const seen = new Map();
  for (let i = 0; i < nums.length; i++ {
    seen.set(nums[i], i);
  }
}
