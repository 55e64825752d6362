import java.util.*;

class Solution {
  // A TreeMap in reverse order: the key order of a map means nothing.
  public Map<String, Integer> wordCounts(String[] words) {
    Map<String, Integer> counts = new TreeMap<>(Comparator.reverseOrder());
    for (String word : words) {
      counts.merge(word, 1, Integer::sum);
    }
    return counts;
  }
}
