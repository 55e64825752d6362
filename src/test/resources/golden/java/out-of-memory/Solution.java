import java.util.*;

class Solution {
  public int[] twoSum(int[] nums, int target) {
    List<long[]> hoard = new ArrayList<>();
    while (true) {
      hoard.add(new long[1 << 20]);
    }
  }
}
