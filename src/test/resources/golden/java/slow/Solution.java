class Solution {
  public int[] twoSum(int[] nums, int target) {
    long spins = 0;
    while (spins >= 0) {
      spins = (spins + 1) % 1000;
    }
    return null;
  }
}
