// A binary tree's JSON form, the level order the big practice sites use: the root, then each
// present node's two children in turn, `null` for a missing child, trailing nulls left out.
// [1,null,2,3] is 1 with no left child and right child 2, whose left child is 3.

/** A node of a decoded tree; `path` is its place from the root ("", "L", "LR", …). */
export interface TreeShape<T = unknown> {
  value: T;
  /** Its position in the level-order array. */
  index: number;
  path: string;
  depth: number;
  left: TreeShape<T> | null;
  right: TreeShape<T> | null;
}

/** A position in the array: a node, or the null that says a child is missing there. */
export interface LevelSlot {
  index: number;
  path: string;
  present: boolean;
}

export type DecodedTree<T> =
  | { ok: true; root: TreeShape<T> | null; slots: LevelSlot[]; size: number }
  | { ok: false; error: string; index: number | null };

/**
 * Decodes a level-order array. Anything but null is a node's value (the caller checks its type).
 * `strict` (what an input must be) also refuses trailing nulls, which the canonical form drops.
 */
export function decodeLevelOrder<T>(
  items: readonly (T | null)[],
  { strict = false } = {},
): DecodedTree<T> {
  if (items.length === 0) return { ok: true, root: null, slots: [], size: 0 };
  if (items[0] === null) {
    return {
      ok: false,
      error: "the first value is the root, which cannot be null ([] is the empty tree)",
      index: 0,
    };
  }
  if (strict && items[items.length - 1] === null) {
    return {
      ok: false,
      error: "trailing nulls are left out (write [1,2], not [1,2,null])",
      index: items.length - 1,
    };
  }
  const node = (value: T, index: number, path: string): TreeShape<T> => ({
    value,
    index,
    path,
    depth: path.length,
    left: null,
    right: null,
  });
  const root = node(items[0] as T, 0, "");
  const slots: LevelSlot[] = [{ index: 0, path: "", present: true }];
  const queue = [root];
  let next = 1;
  let size = 1;
  for (let q = 0; q < queue.length && next < items.length; q++) {
    const parent = queue[q]!;
    for (const side of ["L", "R"] as const) {
      if (next >= items.length) break;
      const item = items[next]!;
      const path = parent.path + side;
      slots.push({ index: next, path, present: item !== null });
      if (item !== null) {
        const child = node(item, next, path);
        if (side === "L") parent.left = child;
        else parent.right = child;
        queue.push(child);
        size++;
      }
      next++;
    }
  }
  if (next < items.length) {
    return {
      ok: false,
      error: `the value at [${next}] has no parent: children are listed only under nodes that are present`,
      index: next,
    };
  }
  return { ok: true, root, slots, size };
}
