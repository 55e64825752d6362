import java.util.*;

class Solution {
  public Map<String, Integer> groupLengths(Map<String, int[]> lengths) {
    Map<String, Integer> sums = new HashMap<>();
    for (Map.Entry<String, int[]> entry : lengths.entrySet()) {
      sums.put(entry.getKey(), Arrays.stream(entry.getValue()).sum());
    }
    return sums;
  }
}
