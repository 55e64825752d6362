function findLoop(head) {
  // Floyd: the runners meet on the loop; from there and from the head, the entry is as far.
  let slow = head;
  let fast = head;
  do {
    if (fast === null || fast.next === null) return [-1, 0];
    slow = slow.next;
    fast = fast.next.next;
  } while (slow !== fast);
  let entry = head;
  let index = 0;
  for (; entry !== slow; index++) {
    entry = entry.next;
    slow = slow.next;
  }
  let length = 1;
  for (let node = entry.next; node !== entry; node = node.next) length++;
  return [index, length];
}
