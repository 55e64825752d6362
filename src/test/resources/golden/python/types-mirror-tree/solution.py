def mirror_tree(root):
    # Iterative, with the harness's TreeNode: a new tree, the input left as it is.
    if root is None:
        return None
    mirrored = TreeNode(root.val)
    stack = [(root, mirrored)]
    while stack:
        original, copy = stack.pop()
        if original.right is not None:
            copy.left = TreeNode(original.right.val)
            stack.append((original.right, copy.left))
        if original.left is not None:
            copy.right = TreeNode(original.left.val)
            stack.append((original.left, copy.right))
    return mirrored
