function twoSum(nums, target) {
  return depth(0);
}

function depth(n) {
  return depth(n + 1) + 1;
}
