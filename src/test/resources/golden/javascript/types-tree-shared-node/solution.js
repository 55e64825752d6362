// Mirrors the children but hangs the same subtree on both sides when a node has one child.
function mirrorTree(root) {
  if (root === null) return null;
  const left = mirrorTree(root.right);
  const right = mirrorTree(root.left);
  return new TreeNode(root.val, left ?? right, right ?? left);
}
