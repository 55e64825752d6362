class Solution {
  // Reverses, then links the old head (now the tail) back to the new second node: a cycle.
  public ListNode reverseList(ListNode head) {
    ListNode previous = null;
    ListNode oldHead = head;
    while (head != null) {
      ListNode next = head.next;
      head.next = previous;
      previous = head;
      head = next;
    }
    if (previous != null && previous.next != null) {
      oldHead.next = previous.next;
    }
    return previous;
  }
}
