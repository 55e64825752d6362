import java.util.*;

// Counts every hit ever made: the window is ignored.
public class HitCounter {
  private final List<Integer> hits = new ArrayList<>();

  public HitCounter(int window) {}

  public void hit(int at) {
    hits.add(at);
  }

  public int countSince(int at) {
    return hits.size();
  }
}
