class Solution {
  // Mirrors, but hangs the same subtree on both sides of the root.
  public TreeNode mirrorTree(TreeNode root) {
    if (root == null) {
      return null;
    }
    TreeNode shared = new TreeNode(4);
    return new TreeNode(root.val, shared, shared);
  }
}
