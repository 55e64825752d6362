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

  public int countSince(int at, int until) {
    while (!hits.isEmpty() && hits.peekFirst() <= at - window) {
      hits.removeFirst();
    }
    return hits.size();
  }
}
