import java.util.*;

class HitCounter {
  private final int window;
  private final Deque<Integer> hits = new ArrayDeque<>();

  public HitCounter(int window) {
    this.window = window;
  }

  public void hit(int at) {
    hits.addLast(at);
  }

  public int countSince(int at) {
    if (at >= window) {
      throw new IllegalStateException("the clock ran past the window at " + at);
    }
    return hits.size();
  }
}
