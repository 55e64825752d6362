import { describe, expect, it } from "vitest";
import { toSegments, type Segment, type Shown } from "../../../lib/value-model";
import { typeOf } from "../../../lib/value-type-fixtures";
import { diffShown, matches, type Comparison } from "./value-diff";

const marked = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);
const whole = (segments: Segment[]) => segments.map((s) => s.text).join("");
/** Both sides as text runs, marked where they differ. */
const diffValues = (expected: unknown, actual: unknown, comparison?: Comparison, type?: string) => {
  const d = diffShown(expected, actual, comparison, type ? typeOf(type) : undefined);
  return { expected: toSegments(d.expected), actual: toSegments(d.actual), same: d.same };
};

describe("diffValues", () => {
  it("marks nothing when the values are equal", () => {
    const d = diffValues([1, [2, 3]], [1, [2, 3]]);
    expect(marked(d.expected)).toEqual([]);
    expect(marked(d.actual)).toEqual([]);
    expect(whole(d.actual)).toBe("[1,[2,3]]");
  });

  it("marks the differing elements only, at any depth", () => {
    const d = diffValues(
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 2],
        [3, 5],
      ],
    );
    expect(marked(d.expected)).toEqual(["4"]);
    expect(marked(d.actual)).toEqual(["5"]);
    expect(whole(d.expected)).toBe("[[1,2],[3,4]]");
  });

  it("marks missing and extra elements", () => {
    const d = diffValues([1, 2, 3], [1, 2, 3, 4, 5]);
    expect(marked(d.actual)).toEqual(["4", "5"]);
    expect(marked(d.expected)).toEqual([]);
    const shorter = diffValues([1, 2, 3], [1]);
    expect(marked(shorter.expected)).toEqual(["2", "3"]);
    expect(whole(shorter.expected)).toBe("[1,2,3]");
  });

  it("marks whole scalars and type mismatches", () => {
    expect(marked(diffValues(3, -1).actual)).toEqual(["-1"]);
    expect(marked(diffValues("abc", "abd").expected)).toEqual(['"abc"']);
    expect(marked(diffValues([1], 1).actual)).toEqual(["1"]);
  });

  it("compares unordered results as multisets", () => {
    const d = diffValues(
      [
        [1, 2],
        [3, 4],
      ],
      [
        [3, 4],
        [1, 2],
      ],
      { mode: "unordered" },
    );
    expect(marked(d.actual)).toEqual([]);
    const wrong = diffValues([1, 1, 2], [1, 2, 2], { mode: "unordered" });
    expect(marked(wrong.expected)).toEqual(["1"]);
    expect(marked(wrong.actual)).toEqual(["2"]);
  });

  it("applies the float tolerance", () => {
    expect(
      marked(diffValues([0.1 + 0.2], [0.3], { mode: "float", tolerance: 1e-9 }).actual),
    ).toEqual([]);
    expect(marked(diffValues([1.5], [1.6], { mode: "float", tolerance: 1e-3 }).actual)).toEqual([
      "1.6",
    ]);
  });
});

// The cases of src/test/java/dev/improview/execution/ComparisonTest.java, on the same JSON text,
// so the diff marks and the server's verdict agree.
const json = (text: string): unknown => JSON.parse(text);
const exact: Comparison = { mode: "exact" };
const unordered: Comparison = { mode: "unordered" };
const floatWithin = (tolerance: number): Comparison => ({ mode: "float", tolerance });
const agree = (comparison: Comparison, expected: string, actual: string) =>
  matches(json(expected), json(actual), comparison);

describe("matches, as Comparison.java", () => {
  it("exact is deep ordered equality where 1 equals 1.0", () => {
    expect(agree(exact, "[[1,2],[3]]", "[[1.0,2],[3]]")).toBe(true);
    expect(agree(exact, "[1,2]", "[2,1]")).toBe(false);
    expect(agree(exact, "[1,2]", "[1,2,3]")).toBe(false);
    expect(agree(exact, '"ab"', '"ab"')).toBe(true);
    expect(agree(exact, '"1"', "1")).toBe(false);
    expect(agree(exact, "true", "1")).toBe(false);
    expect(agree(exact, "0.1", "0.10000001")).toBe(false);
  });

  it("cannot tell integers apart past 2^53, which JSON.parse has already rounded", () => {
    // The server says these differ (ComparisonTest); the browser only ever sees two equal numbers,
    // so the diff marks nothing there and the verdict, which is the server's, is what counts.
    expect(agree(exact, "9007199254740993", "9007199254740992")).toBe(true);
  });

  it("unordered compares the top-level array as a multiset", () => {
    expect(agree(unordered, "[[1,2],[3,4]]", "[[3,4],[1,2]]")).toBe(true);
    expect(agree(unordered, "[1,1,2]", "[2,1,1.0]")).toBe(true);
    expect(agree(unordered, "[1,1,2]", "[1,2,2]")).toBe(false);
    expect(agree(unordered, "[[1,2]]", "[[2,1]]")).toBe(false);
    expect(agree(unordered, "[]", "[]")).toBe(true);
    expect(agree(unordered, '["a","b"]', '["b","a"]')).toBe(true);
    expect(agree(unordered, "5", "5")).toBe(true);
    expect(agree(unordered, "[100, 2.5, 0]", "[0.0, 2.50, 100.0]")).toBe(true);
    expect(agree(unordered, "[[100], [1e2]]", "[[1E+2], [100]]")).toBe(true);
    expect(agree(unordered, "[100]", "[101]")).toBe(false);
  });

  it("float allows an absolute or relative difference, at any depth", () => {
    const within = floatWithin(1e-6);
    expect(agree(within, "0.3", "0.30000000000000004")).toBe(true);
    expect(agree(within, "[1.0,[2.0]]", "[1.0000005,[1.9999995]]")).toBe(true);
    expect(agree(within, "0.3", "0.3001")).toBe(false);
    // Relative: 1e9 off by 100 is within 1e-6 of 1e9.
    expect(agree(within, "1e9", "1000000100")).toBe(true);
    expect(agree(within, "1e9", "1000010000")).toBe(false);
    expect(agree(within, "[1.0]", "[1.0,2.0]")).toBe(false);
  });

  it("float's relative bound is taken from the expected value only", () => {
    // 1.05 off: more than 0.1 × 10 (expected 10), less than 0.1 × 11.05 (expected 11.05).
    expect(agree(floatWithin(0.1), "10", "11.05")).toBe(false);
    expect(agree(floatWithin(0.1), "11.05", "10")).toBe(true);
  });

  it("compares objects by their keys, in any order, with the tolerance inside", () => {
    expect(agree(floatWithin(1e-6), '{"a":1,"b":[0.1]}', '{"b":[0.1000001],"a":1}')).toBe(true);
    expect(agree(exact, '{"a":1}', '{"a":1,"b":2}')).toBe(false);
    expect(agree(exact, '{"a":null}', '{"b":null}')).toBe(false);
    expect(agree(unordered, '[{"a":1,"b":2}]', '[{"b":2,"a":1.0}]')).toBe(true);
  });

  it("unordered compares inside its elements exactly, and float marks only what the server rejects", () => {
    expect(marked(diffValues([[1, 2]], [[2, 1]], unordered).actual)).toEqual(["[2,1]"]);
    const d = diffValues([10, 10], [11.05, 10.5], floatWithin(0.1));
    expect(marked(d.actual)).toEqual(["11.05"]);
  });
});

describe("mode checker", () => {
  it("marks nothing and leaves the verdict to the server", () => {
    const checker = { mode: "checker" as const };
    expect(matches([1, 5, 1], [1, 3, 1], checker)).toBeUndefined();
    const { expected, actual } = diffValues(1, 5, checker);
    expect([...expected, ...actual].some((s) => s.mark)).toBe(false);
    expect(actual.map((s) => s.text).join("")).toBe("5");
  });
});

describe("typed values", () => {
  it("marks the differing positions of a list, and the tail only one side has", () => {
    const d = diffValues([1, 2, 3], [1, 5, 3, 4], exact, "ListNode");
    expect(marked(d.expected)).toEqual(["2"]);
    expect(marked(d.actual)).toEqual(["5", "4"]);
    expect(d.same).toBe(false);
    const raw = diffShown([1, 2], [1], exact, typeOf("ListNode"));
    const items = (shown: Shown) => (shown.kind === "list" ? shown.items.map((i) => i.mark) : []);
    expect(items(raw.expected)).toEqual([undefined, "only"]);
  });

  it("marks tree nodes by their place: a different value, a node one side lacks, and its null", () => {
    // Expected 1 with children 2 and 3; actual 1 with left child 4 and no right child.
    const d = diffShown([1, 2, 3], [1, 4], exact, typeOf("TreeNode"));
    const marks = (shown: Shown) =>
      shown.kind === "tree" ? shown.items.map((i) => i.mark ?? "-") : [];
    expect(marks(d.expected)).toEqual(["-", "differs", "only"]);
    expect(marks(d.actual)).toEqual(["-", "differs"]);
    // A written null where the other side has a node is marked too.
    const written = diffShown([1, null, 2], [1, 3, 2], exact, typeOf("TreeNode"));
    expect(marks(written.expected)).toEqual(["-", "differs", "-"]);
    expect(marks(written.actual)).toEqual(["-", "only", "-"]);
    // A null on both sides is no difference.
    const nulls = diffShown([1, null, 2], [1, null, 5], exact, typeOf("TreeNode"));
    expect(marks(nulls.expected)).toEqual(["-", "-", "differs"]);
  });

  it("marks a node's whole subtree when the other side has none there", () => {
    const d = diffShown([1, 2, null, 3, 4], [1], exact, typeOf("TreeNode"));
    expect(d.expected.kind === "tree" && d.expected.items.map((i) => i.mark ?? "-")).toEqual([
      "-",
      "only",
      "-",
      "only",
      "only",
    ]);
    expect(diffShown([1, null, 2], [1, null, 2], exact, typeOf("TreeNode")).same).toBe(true);
  });

  it("compares maps without regard to key order, marking differing and one-sided keys", () => {
    const type = "map<string, int>";
    expect(diffValues({ a: 1, b: 2 }, { b: 2, a: 1 }, exact, type).same).toBe(true);
    const d = diffShown({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, d: 4 }, exact, typeOf(type));
    const keys = (shown: Shown) =>
      shown.kind === "map" ? shown.entries.map((e) => `${e.key}:${e.mark ?? "-"}`) : [];
    expect(keys(d.expected)).toEqual(["a:-", "b:differs", "c:only"]);
    expect(keys(d.actual)).toEqual(["a:-", "b:differs", "d:only"]);
    expect(marked(toSegments(d.actual))).toEqual(["5", '"d":4']);
  });

  it("compares bigints by value, whether sent as digits or as a number", () => {
    expect(diffValues("123", 123, exact, "bigint").same).toBe(true);
    expect(diffValues("12345678901234567890", "12345678901234567891", exact, "bigint").same).toBe(
      false,
    );
    expect(whole(diffValues("-5", "-5", exact, "bigint").actual)).toBe("-5");
    // A number past 2^53 arrived rounded: its digits are shown as approximate.
    expect(whole(diffValues("1", 2 ** 60, exact, "bigint").actual)).toBe("≈1152921504606846976");
    expect(matches(["1", "2"], [2, 1], unordered, typeOf("bigint[]"))).toBe(true);
  });

  it("keeps the float tolerance inside lists and maps, and null apart from a value", () => {
    const within = floatWithin(1e-6);
    expect(diffValues({ x: [0.1] }, { x: [0.1000001] }, within, "map<string, double[]>").same).toBe(
      true,
    );
    expect(diffValues([1, 2], [1, 3], within, "ListNode").same).toBe(false);
    const d = diffValues([1, null], [1, 0], exact, "int?[]");
    expect(marked(d.expected)).toEqual(["null"]);
    expect(marked(d.actual)).toEqual(["0"]);
  });

  it("marks a value that does not fit its type as a whole", () => {
    const d = diffShown([1, 2], "oops", exact, typeOf("ListNode"));
    expect(d.actual).toMatchObject({ kind: "mismatch", type: "ListNode", mark: "differs" });
    expect(d.expected).toMatchObject({ kind: "list", mark: "differs" });
  });

  it("compares a list whose last node links back as a whole value", () => {
    const loop = { values: [3, 2, 0, -4], tailLinksTo: 1 };
    const same = diffValues(loop, { tailLinksTo: 1, values: [3, 2, 0, -4] }, exact, "ListNode");
    expect(same.same).toBe(true);
    expect(marked(same.actual)).toEqual([]);
    expect(whole(same.actual)).toBe('{"values":[3,2,0,-4],"tailLinksTo":1}');
    // Another target, the same values without the loop, an unordered compare: all whole values.
    const elsewhere = diffValues(loop, { ...loop, tailLinksTo: 2 }, exact, "ListNode");
    expect(marked(elsewhere.expected)).toEqual(['{"values":[3,2,0,-4],"tailLinksTo":1}']);
    expect(marked(elsewhere.actual)).toEqual(['{"values":[3,2,0,-4],"tailLinksTo":2}']);
    expect(elsewhere.same).toBe(false);
    const ends = diffValues(loop, [3, 2, 0, -4], unordered, "ListNode");
    expect(marked(ends.actual)).toEqual(["[3,2,0,-4]"]);
    expect(ends.same).toBe(false);
    expect(matches(loop, [3, 2, 0, -4], exact, typeOf("ListNode"))).toBe(false);
    expect(matches(loop, { ...loop }, unordered, typeOf("ListNode"))).toBe(true);
  });

  it("does not throw on the object form anywhere: in arrays, untyped, or not fitting", () => {
    const d = diffValues([[1], { values: [1], tailLinksTo: 0 }], [[1], [1]], exact, "ListNode[]");
    expect(marked(d.expected)).toEqual(['{"values":[1],"tailLinksTo":0}']);
    expect(marked(d.actual)).toEqual(["[1]"]);
    expect(diffValues({ values: [1], tailLinksTo: 0 }, [1], exact).same).toBe(false);
    const outOfRange = diffShown({ values: [1], tailLinksTo: 1 }, [1], exact, typeOf("ListNode"));
    expect(outOfRange.expected).toMatchObject({ kind: "mismatch", mark: "differs" });
  });

  it("marks nothing in mode checker, whatever the type", () => {
    const d = diffShown([1, 2, 3], [1, 4], { mode: "checker" }, typeOf("TreeNode"));
    expect(d.same).toBeUndefined();
    expect(marked(toSegments(d.expected))).toEqual([]);
    expect(marked(toSegments(d.actual))).toEqual([]);
  });
});
