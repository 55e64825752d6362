// Small problems of the richer types for the browser tests, imported with POST /api/problems: a
// ListNode function, a TreeNode function and a design class. Each document is complete (the server
// runs its three reference solutions on every test before accepting it); the hidden tests are
// generated here, deterministically, with their expected values worked out by the same rules.

/** A seeded generator (mulberry32), so every run imports the same documents. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (next, low, high) => low + Math.floor(next() * (high - low + 1));

const common = {
  schemaVersion: 1,
  version: 1,
  difficulty: "easy",
  estimatedMinutes: 15,
  comparison: { mode: "exact" },
};

// --- A list: reverse it ---------------------------------------------------------------------

const reversed = (values) => [...values].reverse();

function listTests() {
  const next = random(12);
  const randomList = (n, low, high) => Array.from({ length: n }, () => between(next, low, high));
  const inputs = [
    [],
    [42],
    [1, 2],
    [5, 5, 5, 5],
    [-3, 0, 3],
    [2147483647, -2147483648, 0],
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
    randomList(50, -100, 100),
    randomList(1000, -1000000, 1000000),
    randomList(5000, -2147483648, 2147483647),
  ];
  return inputs.map((values) => ({ args: [values], expected: reversed(values) }));
}

export const listProblem = {
  ...common,
  id: "e2e-reverse-a-chain",
  title: "Reverse a Chain",
  category: "linked-lists",
  tags: ["linked-list"],
  statement:
    "You are given the `head` of a singly linked list. Reverse the list and return the head of " +
    "the reversed list: the old last node comes first, and the old head is last.",
  constraints: ["`0 <= number of nodes <= 5000`", "`-2^31 <= node.val <= 2^31 - 1`"],
  signature: {
    function: "reverseChain",
    params: [{ name: "head", type: "ListNode" }],
    returns: "ListNode",
  },
  examples: [
    { args: [[1, 2, 3]], output: [3, 2, 1], explanation: "`1 → 2 → 3` becomes `3 → 2 → 1`." },
  ],
  publicTests: [
    { args: [[1, 2, 3]], expected: [3, 2, 1] },
    { args: [[7]], expected: [7] },
    { args: [[]], expected: [] },
    { args: [[4, -1, 4, 8]], expected: [8, 4, -1, 4] },
  ],
  hiddenTests: listTests(),
  hints: [
    "Walk the list once. When you are at a node, which node should it point to afterwards?",
    "Keep the node you visited before; save where the current node pointed before you change it.",
  ],
  solutions: {
    javascript:
      "function reverseChain(head) {\n  let previous = null;\n  while (head !== null) {\n" +
      "    const following = head.next;\n    head.next = previous;\n    previous = head;\n" +
      "    head = following;\n  }\n  return previous;\n}\n",
    python:
      "def reverse_chain(head):\n    previous = None\n    while head is not None:\n" +
      "        following = head.next\n        head.next = previous\n        previous = head\n" +
      "        head = following\n    return previous\n",
    java:
      "class Solution {\n  public ListNode reverseChain(ListNode head) {\n    ListNode previous = null;\n" +
      "    while (head != null) {\n      ListNode following = head.next;\n      head.next = previous;\n" +
      "      previous = head;\n      head = following;\n    }\n    return previous;\n  }\n}\n",
  },
  solutionExplanation:
    "Turn each link around while walking the list, keeping the previous node; it ends as the new head.",
  complexity: { time: "O(n)", space: "O(1)" },
};

// --- A tree: mirror it ----------------------------------------------------------------------

/** Level order as the format writes it (null for a missing child, trailing nulls dropped). */
function levelOrder(root) {
  const out = [];
  const queue = root ? [root] : [];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (!node) {
      out.push(null);
      continue;
    }
    out.push(node.val);
    queue.push(node.left, node.right);
  }
  while (out.length > 0 && out.at(-1) === null) out.pop();
  return out;
}

function fromLevelOrder(values) {
  if (values.length === 0) return null;
  const make = (val) => (val === null ? null : { val, left: null, right: null });
  const root = make(values[0]);
  const queue = [root];
  let i = 1;
  for (let q = 0; q < queue.length && i < values.length; q++) {
    const node = queue[q];
    node.left = make(values[i++] ?? null);
    if (node.left) queue.push(node.left);
    if (i < values.length) {
      node.right = make(values[i++] ?? null);
      if (node.right) queue.push(node.right);
    }
  }
  return root;
}

function mirrored(values) {
  const root = fromLevelOrder(values);
  const stack = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop();
    [node.left, node.right] = [node.right, node.left];
    if (node.left) stack.push(node.left);
    if (node.right) stack.push(node.right);
  }
  return levelOrder(root);
}

/** A random tree of `n` nodes: each new node hangs from a random free child slot. */
function randomTree(next, n, low, high) {
  if (n === 0) return [];
  const root = { val: between(next, low, high), left: null, right: null };
  const free = [
    [root, "left"],
    [root, "right"],
  ];
  for (let i = 1; i < n; i++) {
    const slot = between(next, 0, free.length - 1);
    const [parent, side] = free[slot];
    free[slot] = free[free.length - 1];
    free.pop();
    const node = { val: between(next, low, high), left: null, right: null };
    parent[side] = node;
    free.push([node, "left"], [node, "right"]);
  }
  return levelOrder(root);
}

/** A path of `n` nodes, each the left child of the one before. */
const leftPath = (n) => levelOrder(fromChain(n));
function fromChain(n) {
  let root = null;
  for (let i = n; i >= 1; i--) root = { val: i, left: root, right: null };
  return root;
}

function treeTests() {
  const next = random(34);
  const inputs = [
    [],
    [1],
    [1, 2],
    [1, null, 2],
    [2, 2, 2, 2, null, 2],
    [0, -1, 1, -2147483648, null, null, 2147483647],
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    leftPath(8),
    leftPath(600),
    randomTree(next, 40, -50, 50),
    randomTree(next, 3000, -1000000, 1000000),
  ];
  return inputs.map((values) => ({ args: [values], expected: mirrored(values) }));
}

export const treeProblem = {
  ...common,
  id: "e2e-mirror-a-tree",
  title: "Mirror a Tree",
  category: "trees",
  tags: ["binary-tree"],
  statement:
    "You are given the `root` of a binary tree. Mirror it: at every node, the left and the right " +
    "subtrees change places. Return the root of the mirrored tree.",
  constraints: ["`0 <= number of nodes <= 3000`", "`-2^31 <= node.val <= 2^31 - 1`"],
  signature: {
    function: "mirrorTree",
    params: [{ name: "root", type: "TreeNode" }],
    returns: "TreeNode",
  },
  examples: [
    {
      args: [[4, 2, 7, 1, 3, 6, 9]],
      output: [4, 7, 2, 9, 6, 3, 1],
      explanation: "Every node's children change places, all the way down.",
    },
  ],
  publicTests: [
    { args: [[4, 2, 7, 1, 3, 6, 9]], expected: [4, 7, 2, 9, 6, 3, 1] },
    { args: [[2, 1, 3]], expected: [2, 3, 1] },
    { args: [[]], expected: [] },
    { args: [[1, 2, null, 3]], expected: [1, null, 2, null, 3] },
  ],
  hiddenTests: treeTests(),
  hints: [
    "What does the mirror of a tree look like, given the mirrors of its two subtrees?",
    "Swap the children of every node; a stack of nodes still to visit avoids deep recursion.",
  ],
  solutions: {
    javascript:
      "function mirrorTree(root) {\n  const stack = root ? [root] : [];\n  while (stack.length > 0) {\n" +
      "    const node = stack.pop();\n    const left = node.left;\n    node.left = node.right;\n" +
      "    node.right = left;\n    if (node.left) stack.push(node.left);\n" +
      "    if (node.right) stack.push(node.right);\n  }\n  return root;\n}\n",
    python:
      "def mirror_tree(root):\n    stack = [root] if root else []\n    while stack:\n" +
      "        node = stack.pop()\n        node.left, node.right = node.right, node.left\n" +
      "        if node.left:\n            stack.append(node.left)\n        if node.right:\n" +
      "            stack.append(node.right)\n    return root\n",
    java:
      "import java.util.*;\n\nclass Solution {\n  public TreeNode mirrorTree(TreeNode root) {\n" +
      "    Deque<TreeNode> stack = new ArrayDeque<>();\n    if (root != null) stack.push(root);\n" +
      "    while (!stack.isEmpty()) {\n      TreeNode node = stack.pop();\n" +
      "      TreeNode left = node.left;\n      node.left = node.right;\n      node.right = left;\n" +
      "      if (node.left != null) stack.push(node.left);\n" +
      "      if (node.right != null) stack.push(node.right);\n    }\n    return root;\n  }\n}\n",
  },
  solutionExplanation:
    "Visit every node once and swap its children; the order of the visits does not matter.",
  complexity: { time: "O(n)", space: "O(n)" },
};

// --- A design class: a hit counter ----------------------------------------------------------

/** The returns of one call sequence: hits in the last `window` time units, (at - window, at]. */
function counterReturns(ops, args) {
  const window = args[0][0];
  const hits = [];
  return ops.map((op, i) => {
    if (op === "hit") hits.push(args[i][0]);
    if (op !== "countSince") return null;
    const at = args[i][0];
    return hits.filter((t) => t > at - window && t <= at).length;
  });
}

function counterTest(window, calls) {
  const ops = ["HitCounter", ...calls.map(([op]) => op)];
  const args = [[window], ...calls.map(([, at]) => [at])];
  return { args: [ops, args], expected: counterReturns(ops, args) };
}

function counterTests() {
  const next = random(56);
  const randomCalls = (count, step) => {
    let at = 1;
    return Array.from({ length: count }, () => {
      at += between(next, 0, step);
      return [next() < 0.6 ? "hit" : "countSince", at];
    });
  };
  return [
    counterTest(1, [["countSince", 1]]),
    counterTest(1, [
      ["hit", 5],
      ["countSince", 5],
      ["countSince", 6],
    ]),
    counterTest(10, [
      ["hit", 3],
      ["hit", 3],
      ["hit", 3],
      ["countSince", 12],
      ["countSince", 13],
    ]),
    counterTest(100, [
      ["hit", 1],
      ["countSince", 100],
      ["countSince", 101],
    ]),
    counterTest(1000000, [
      ["hit", 1],
      ["hit", 999999],
      ["countSince", 1000000],
      ["countSince", 1000001],
    ]),
    counterTest(5, [
      ["hit", 1000000000],
      ["countSince", 1000000000],
      ["countSince", 1000000004],
      ["countSince", 1000000005],
    ]),
    counterTest(3, [
      ["countSince", 2],
      ["hit", 2],
      ["hit", 4],
      ["countSince", 4],
      ["hit", 5],
      ["countSince", 7],
    ]),
    counterTest(60, randomCalls(30, 10)),
    counterTest(7, randomCalls(60, 3)),
    counterTest(500, randomCalls(400, 20)),
    counterTest(1000, randomCalls(3000, 5)),
  ];
}

export const designProblem = {
  ...common,
  id: "e2e-hit-counter",
  title: "Hit Counter",
  category: "stacks-queues",
  tags: ["design", "queue"],
  statement:
    "Design a `HitCounter` for a web page. `HitCounter(window)` starts with no hits; " +
    "`hit(at)` records a hit at time `at`; `countSince(at)` returns how many hits happened in " +
    "the last `window` time units up to `at`, that is at a time `t` with `at - window < t <= at`.",
  constraints: [
    "`1 <= window <= 10^6`",
    "`1 <= at <= 2 * 10^9`; the calls' times never decrease",
    "At most `3000` calls after the constructor.",
  ],
  signature: {
    kind: "class",
    className: "HitCounter",
    constructor: { params: [{ name: "window", type: "int" }] },
    methods: [
      { name: "hit", params: [{ name: "at", type: "int" }], returns: "void" },
      { name: "countSince", params: [{ name: "at", type: "int" }], returns: "int" },
    ],
  },
  examples: [
    {
      args: [
        ["HitCounter", "hit", "hit", "countSince"],
        [[300], [1], [2], [301]],
      ],
      output: [null, null, null, 1],
      explanation: "At time `301` the hit at `1` is `300` units old: out of the window.",
    },
  ],
  publicTests: [
    counterTest(300, [
      ["hit", 1],
      ["hit", 2],
      ["countSince", 301],
      ["hit", 400],
      ["countSince", 650],
    ]),
    counterTest(10, [["countSince", 5]]),
    counterTest(2, [
      ["hit", 1],
      ["hit", 2],
      ["countSince", 2],
      ["countSince", 3],
    ]),
  ],
  hiddenTests: counterTests(),
  hints: [
    "Times never decrease, so the oldest hits are the first to leave the window.",
    "Keep the hits in a queue; before counting, drop those at or before `at - window`.",
  ],
  solutions: {
    javascript:
      "class HitCounter {\n  constructor(window) {\n    this.window = window;\n    this.hits = [];\n" +
      "    this.first = 0;\n  }\n\n  hit(at) {\n    this.hits.push(at);\n  }\n\n  countSince(at) {\n" +
      "    while (this.first < this.hits.length && this.hits[this.first] <= at - this.window) {\n" +
      "      this.first++;\n    }\n    return this.hits.length - this.first;\n  }\n}\n",
    python:
      "from collections import deque\n\n\nclass HitCounter:\n    def __init__(self, window):\n" +
      "        self.window = window\n        self.hits = deque()\n\n    def hit(self, at):\n" +
      "        self.hits.append(at)\n\n    def count_since(self, at):\n" +
      "        while self.hits and self.hits[0] <= at - self.window:\n" +
      "            self.hits.popleft()\n        return len(self.hits)\n",
    java:
      "import java.util.*;\n\nclass HitCounter {\n  private final int window;\n" +
      "  private final ArrayDeque<Integer> hits = new ArrayDeque<>();\n\n" +
      "  public HitCounter(int window) {\n    this.window = window;\n  }\n\n" +
      "  public void hit(int at) {\n    hits.addLast(at);\n  }\n\n  public int countSince(int at) {\n" +
      "    while (!hits.isEmpty() && hits.peekFirst() <= (long) at - window) {\n" +
      "      hits.pollFirst();\n    }\n    return hits.size();\n  }\n}\n",
  },
  solutionExplanation:
    "Hits arrive in time order, so a queue holds exactly the hits still in the window once the " +
    "old ones are dropped from its front; each hit enters and leaves once.",
  complexity: { time: "O(1) amortised per call", space: "O(hits in the window)" },
};
