function twoSum(nums, target) {
  return find(nums, target, 0, new Map(), 20000);
}

function find(nums, target, i, seen, pad) {
  if (pad > 0) return find(nums, target, i, seen, pad - 1);
  if (seen.has(nums[i])) return [seen.get(nums[i]), i];
  seen.set(target - nums[i], i);
  return find(nums, target, i + 1, seen, 0);
}
