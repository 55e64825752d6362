// floor === null means "no floor"; no element at least the floor is null (undefined is accepted too).
function firstAtLeast(nums, floor) {
  if (nums.length === 0) return undefined;
  for (const n of nums) {
    if (floor === null || n >= floor) return n;
  }
  return null;
}
