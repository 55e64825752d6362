import java.util.*;

class Solution {
  public int[] distinctValues(int[] nums) {
    Set<Integer> seen = new TreeSet<>(Comparator.reverseOrder());
    for (int n : nums) {
      seen.add(n);
    }
    return seen.stream().mapToInt(Integer::intValue).toArray();
  }
}
