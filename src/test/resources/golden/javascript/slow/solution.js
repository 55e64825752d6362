function twoSum(nums, target) {
  let spins = 0;
  while (true) {
    spins++;
  }
}
