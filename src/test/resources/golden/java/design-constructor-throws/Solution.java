import java.util.*;

class HitCounter {
  private final int window;
  private final Deque<Integer> hits = new ArrayDeque<>();

  public HitCounter(int window) {
    if (window > 0) {
      throw new IllegalArgumentException("no windows today: " + window);
    }
    this.window = window;
  }

  public void hit(int at) {
    hits.addLast(at);
  }

  public int countSince(int at) {
    return hits.size();
  }
}
