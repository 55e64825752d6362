import java.util.*;

class Solution {
  public int[] twoSum(int[] nums, int target) {
    Map<Integer, Integer> seen = new HashMap<>();
    int count = "three";
    return new int[] {0, 1}
  }
}
