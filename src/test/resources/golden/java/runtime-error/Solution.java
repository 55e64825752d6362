class Solution {
  public int[] twoSum(int[] nums, int target) {
    int[] empty = new int[0];
    return helper(nums, empty);
  }

  private int[] helper(int[] nums, int[] empty) {
    return new int[] {nums[0] / empty.length};
  }
}
