function distinctValues(nums) {
  return [...new Set(nums)].reverse();
}
