function reverseList(head) {
  if (head === null || head.next === null) return head;
  const rest = reverseList(head.next);
  head.next.next = head;
  // Missing `head.next = null`: the old head and its successor still point at each other.
  return rest;
}
