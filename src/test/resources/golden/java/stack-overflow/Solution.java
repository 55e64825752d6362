class Solution {
  public int[] twoSum(int[] nums, int target) {
    return new int[] {depth(0)};
  }

  int depth(int n) {
    return depth(n + 1) + 1;
  }
}
