class Solution {
  // Floyd: the runners meet on the loop; from there and from the head, the entry is as far.
  public int[] findLoop(ListNode head) {
    ListNode slow = head;
    ListNode fast = head;
    do {
      if (fast == null || fast.next == null) {
        return new int[] {-1, 0};
      }
      slow = slow.next;
      fast = fast.next.next;
    } while (slow != fast);
    ListNode entry = head;
    int index = 0;
    for (; entry != slow; index++) {
      entry = entry.next;
      slow = slow.next;
    }
    int length = 1;
    for (ListNode node = entry.next; node != entry; node = node.next) {
      length++;
    }
    return new int[] {index, length};
  }
}
