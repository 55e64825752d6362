// Returns structures far too deep for a recursive walk: they must still be encoded (and judged).
function reverseList(head) {
  if (head !== null && head.val === 1) {
    let list = null;
    for (let i = 1; i <= 100000; i++) list = new ListNode(i, list);
    return list; // 100000 -> ... -> 1: a wrong answer, not a crash
  }
  let previous = null;
  while (head !== null) {
    const next = head.next;
    head.next = previous;
    previous = head;
    head = next;
  }
  return previous;
}
