function mirrorTree(root) {
  if (root === null) return null;
  return new TreeNode(root.val, mirrorTree(root.right), mirrorTree(root.left));
}
