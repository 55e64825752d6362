class Solution {
  public Integer firstAtLeast(int[] nums, Integer floor) {
    for (int n : nums) {
      if (floor == null || n >= floor) {
        return n;
      }
    }
    return null;
  }
}
