import { describe, expect, it } from "vitest";
import { decodeLevelOrder, type TreeShape } from "./level-order";

const shape = (node: TreeShape | null): unknown =>
  node && { v: node.value, l: shape(node.left), r: shape(node.right) };

describe("decodeLevelOrder", () => {
  it("reads children only under present nodes", () => {
    const tree = decodeLevelOrder([1, null, 2, 3]);
    if (!tree.ok) throw new Error(tree.error);
    expect(shape(tree.root)).toEqual({
      v: 1,
      l: null,
      r: { v: 2, l: { v: 3, l: null, r: null }, r: null },
    });
    expect(tree.size).toBe(3);
    expect(tree.slots.map((s) => [s.index, s.path, s.present])).toEqual([
      [0, "", true],
      [1, "L", false],
      [2, "R", true],
      [3, "RL", true],
    ]);
  });

  it("reads the empty tree and a full one", () => {
    expect(decodeLevelOrder([])).toEqual({ ok: true, root: null, slots: [], size: 0 });
    const full = decodeLevelOrder([1, 2, 3, 4, 5, 6, 7]);
    expect(full.ok && full.root?.right?.left?.value).toBe(6);
    expect(full.ok && full.root?.right?.left?.depth).toBe(2);
  });

  it("refuses a null root and values with no parent", () => {
    expect(decodeLevelOrder([null, 1])).toMatchObject({ ok: false, index: 0 });
    expect(decodeLevelOrder([1, null, null, 2])).toMatchObject({
      ok: false,
      index: 3,
      error: expect.stringMatching(/has no parent/),
    });
  });

  it("takes trailing nulls unless strict", () => {
    expect(decodeLevelOrder([1, 2, null]).ok).toBe(true);
    expect(decodeLevelOrder([1, 2, null], { strict: true })).toMatchObject({ ok: false, index: 2 });
  });
});
