/**
 * A singly linked list node, provided by Improview: compiled with the solution whenever the
 * problem's signature names ListNode. A solution must not declare its own.
 */
class ListNode {
  int val;
  ListNode next;

  ListNode() {}

  ListNode(int val) {
    this.val = val;
  }

  ListNode(int val, ListNode next) {
    this.val = val;
    this.next = next;
  }
}
