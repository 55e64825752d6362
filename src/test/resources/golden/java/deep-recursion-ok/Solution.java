import java.util.*;

class Solution {
  public int[] twoSum(int[] nums, int target) {
    return find(nums, target, 0, new HashMap<>(), 100000);
  }

  private int[] find(int[] nums, int target, int i, Map<Integer, Integer> seen, int pad) {
    if (pad > 0) {
      return find(nums, target, i, seen, pad - 1);
    }
    Integer j = seen.get(nums[i]);
    if (j != null) {
      return new int[] {j, i};
    }
    seen.put(target - nums[i], i);
    return find(nums, target, i + 1, seen, 0);
  }
}
