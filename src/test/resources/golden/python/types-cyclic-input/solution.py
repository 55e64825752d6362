def find_loop(head):
    # Floyd: the runners meet on the loop; from there and from the head, the entry is as far.
    slow = fast = head
    while fast is not None and fast.next is not None:
        slow, fast = slow.next, fast.next.next
        if slow is fast:
            break
    else:
        return [-1, 0]
    entry, index = head, 0
    while entry is not slow:
        entry, slow, index = entry.next, slow.next, index + 1
    length, node = 1, entry.next
    while node is not entry:
        length, node = length + 1, node.next
    return [index, length]
