function twoSum(nums, target) {
  const table = null;
  return helper(table, nums);
}

function helper(table, nums) {
  return table.lookup(nums);
}
