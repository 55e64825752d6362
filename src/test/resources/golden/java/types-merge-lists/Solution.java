import java.util.*;

class Solution {
  public ListNode mergeLists(ListNode[] lists) {
    PriorityQueue<ListNode> heads = new PriorityQueue<>((a, b) -> Integer.compare(a.val, b.val));
    for (ListNode list : lists) {
      if (list != null) {
        heads.add(list);
      }
    }
    ListNode dummy = new ListNode();
    ListNode tail = dummy;
    while (!heads.isEmpty()) {
      ListNode smallest = heads.poll();
      tail.next = smallest;
      tail = smallest;
      if (smallest.next != null) {
        heads.add(smallest.next);
      }
    }
    return dummy.next;
  }
}
