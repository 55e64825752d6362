class Solution {
  public int[] twoSum(int[] nums, int target) {
    int count = "three";
    return new int[] {0, count};
  }
}
