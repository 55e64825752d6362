function firstAtLeast(nums, floor) {
  if (floor === 6) return 2.5;
  if (floor === 9) return 'none';
  for (const n of nums) {
    if (floor === null || n >= floor) return n;
  }
  return null;
}
