/**
 * A binary tree node, provided by Improview: compiled with the solution whenever the problem's
 * signature names TreeNode. A solution must not declare its own.
 */
class TreeNode {
  int val;
  TreeNode left;
  TreeNode right;

  TreeNode() {}

  TreeNode(int val) {
    this.val = val;
  }

  TreeNode(int val, TreeNode left, TreeNode right) {
    this.val = val;
    this.left = left;
    this.right = right;
  }
}
