let ready = false;
while (!ready) {
  // never becomes ready
}

function twoSum(nums, target) {
  return [0, 1];
}
