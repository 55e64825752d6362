def reverse_list(head):
    # Forgets to cut the old head's link: for [1, 2, 3] the last node (1) points back to 2.
    if head is None or head.next is None:
        return head
    nodes = []
    while head is not None:
        nodes.append(head)
        head = head.next
    for i in range(len(nodes) - 1, 0, -1):
        nodes[i].next = nodes[i - 1]
    nodes[0].next = nodes[1]
    return nodes[-1]
