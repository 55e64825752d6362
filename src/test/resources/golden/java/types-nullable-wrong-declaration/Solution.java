class Solution {
  public int firstAtLeast(int[] nums, int floor) {
    for (int n : nums) {
      if (n >= floor) {
        return n;
      }
    }
    return -1;
  }
}
