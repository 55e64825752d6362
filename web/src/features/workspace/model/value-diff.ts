import type { ComparisonMode } from "../../../lib/closed-sets";
import type { TreeShape } from "../../../lib/level-order";
import { describeValue, inlineText, type Mark, type Shown } from "../../../lib/value-model";
import type { ValueType } from "../../../lib/value-type";

// Marks where a returned value differs from the expected one, part by part (list positions, tree
// nodes, map keys, array elements), so a wrong answer shows *where* it is wrong. Only for display:
// the verdict is the server's.

export interface Comparison {
  mode: ComparisonMode;
  tolerance?: number | null;
}

// The rules mirror execution/Comparison.java, so the marks agree with the verdict; value-diff.test.ts
// runs ComparisonTest's cases. One gap is the browser's: JSON numbers past 2^53 arrive rounded
// (a bigint sent as a string keeps its digits).

/** Comparison.numbersEqual: by value when the tolerance is 0, else absolute or relative to expected. */
function numbersEqual(expected: number, actual: number, tolerance: number): boolean {
  if (tolerance === 0) return expected === actual;
  const difference = Math.abs(expected - actual);
  return difference <= tolerance || difference <= tolerance * Math.abs(expected);
}

const asBigint = (value: unknown): bigint | null =>
  typeof value === "bigint"
    ? value
    : typeof value === "number" && Number.isInteger(value)
      ? BigInt(value)
      : null;

function scalarsEqual(expected: unknown, actual: unknown, tolerance: number): boolean {
  if (typeof expected === "bigint" || typeof actual === "bigint") {
    const e = asBigint(expected);
    return e !== null && e === asBigint(actual);
  }
  if (typeof expected === "number" && typeof actual === "number") {
    return numbersEqual(expected, actual, tolerance);
  }
  return expected === actual;
}

function treesEqual(
  expected: TreeShape<Shown> | null,
  actual: TreeShape<Shown> | null,
  tolerance: number,
): boolean {
  if (!expected || !actual) return expected === actual;
  return (
    equalShown(expected.value, actual.value, tolerance) &&
    treesEqual(expected.left, actual.left, tolerance) &&
    treesEqual(expected.right, actual.right, tolerance)
  );
}

/** The index a list's last node links back to, if it does. */
const tailOf = (shown: Shown) => (shown.kind === "list" ? shown.tailLinksTo : undefined);

// A list whose last node links back is only ever an argument (the runner refuses one returned),
// so it is compared whole rather than node by node.
const isCyclic = (shown: Shown) => tailOf(shown) !== undefined;

/** Comparison.equal: deep equality, arrays ordered, map keys in any order, numbers within the tolerance. */
function equalShown(expected: Shown, actual: Shown, tolerance: number): boolean {
  if (expected.kind === "mismatch" && actual.kind === "mismatch") {
    return equalShown(describeValue(expected.value), describeValue(actual.value), tolerance);
  }
  switch (expected.kind) {
    case "scalar":
      return actual.kind === "scalar" && scalarsEqual(expected.value, actual.value, tolerance);
    case "null":
    case "void":
      return actual.kind === expected.kind;
    case "list":
    case "array":
      return (
        actual.kind === expected.kind &&
        tailOf(expected) === tailOf(actual) &&
        expected.items.length === actual.items.length &&
        expected.items.every((item, i) => equalShown(item, actual.items[i]!, tolerance))
      );
    case "tree":
      return actual.kind === "tree" && treesEqual(expected.root, actual.root, tolerance);
    case "map":
      return (
        actual.kind === "map" &&
        expected.entries.length === actual.entries.length &&
        expected.entries.every((entry, i) => {
          const other = actual.entries[i]!;
          return entry.key === other.key && equalShown(entry.value, other.value, tolerance);
        })
      );
    case "mismatch":
      return false;
  }
}

function markOnly(items: Shown[], from: number) {
  for (let i = from; i < items.length; i++) items[i]!.mark = "only";
}

// A tree is compared node by node at the same place: a node on one side only is marked there
// with everything under it, and the null that stands for it on the other side, if written.
function markTrees(
  expected: Shown & { kind: "tree" },
  actual: Shown & { kind: "tree" },
  tolerance: number,
) {
  const slots = (tree: Shown & { kind: "tree" }) =>
    new Map(tree.slots.map((slot) => [slot.path, tree.items[slot.index]!]));
  const e = slots(expected);
  const a = slots(actual);
  for (const [path, item] of e) {
    const other = a.get(path);
    if (item.kind === "null") {
      if (other && other.kind !== "null") item.mark = "differs";
    } else if (!other || other.kind === "null") {
      item.mark = "only";
    } else if (!equalShown(item, other, tolerance)) {
      item.mark = "differs";
    }
  }
  for (const [path, item] of a) {
    const other = e.get(path);
    if (item.kind === "null") {
      if (other && other.kind !== "null") item.mark = "differs";
    } else if (!other || other.kind === "null") {
      item.mark = "only";
    } else if (!equalShown(item, other, tolerance)) {
      item.mark = "differs";
    }
  }
}

/** Marks the differing parts of two values in place; whether they are equal. */
function markPair(expected: Shown, actual: Shown, tolerance: number): boolean {
  if (isCyclic(expected) || isCyclic(actual)) {
    const same = inlineText(expected) === inlineText(actual);
    if (!same) expected.mark = actual.mark = "differs";
    return same;
  }
  if (expected.kind !== actual.kind || expected.kind === "scalar" || expected.kind === "mismatch") {
    const same = equalShown(expected, actual, tolerance);
    if (!same) expected.mark = actual.mark = "differs";
    return same;
  }
  if ((expected.kind === "list" || expected.kind === "array") && actual.kind === expected.kind) {
    const length = Math.min(expected.items.length, actual.items.length);
    let same = expected.items.length === actual.items.length;
    for (let i = 0; i < length; i++) {
      same = markPair(expected.items[i]!, actual.items[i]!, tolerance) && same;
    }
    markOnly(expected.items, length);
    markOnly(actual.items, length);
    return same;
  }
  if (expected.kind === "tree" && actual.kind === "tree") {
    const same = treesEqual(expected.root, actual.root, tolerance);
    if (!same) markTrees(expected, actual, tolerance);
    return same;
  }
  if (expected.kind === "map" && actual.kind === "map") {
    const others = new Map(actual.entries.map((entry) => [entry.key, entry]));
    let same = expected.entries.length === actual.entries.length;
    for (const entry of expected.entries) {
      const other = others.get(entry.key);
      others.delete(entry.key);
      if (!other) {
        entry.mark = "only";
        same = false;
      } else if (!markPair(entry.value, other.value, tolerance)) {
        entry.mark = other.mark = "differs";
        same = false;
      }
    }
    for (const other of others.values()) other.mark = "only";
    return same && others.size === 0;
  }
  return true;
}

// Only mode float has a tolerance; the server refuses float without one, so 0 never arrives there.
const toleranceOf = (comparison: Comparison) =>
  comparison.mode === "float" ? (comparison.tolerance ?? 0) : 0;

const isSequence = (shown: Shown): shown is Shown & { kind: "array" | "list" } =>
  shown.kind === "array" || (shown.kind === "list" && !isCyclic(shown));

/**
 * Comparison.sameMultiset's pairing: each element is paired with an equal (exact) one on the
 * other side; exact equality is an equivalence, so first-come pairing finds a full one if any.
 */
function unorderedPartners(expected: Shown[], actual: Shown[]) {
  const used = new Array<boolean>(expected.length).fill(false);
  const actualMatched = actual.map((item) => {
    const j = expected.findIndex((e, k) => !used[k] && equalShown(e, item, 0));
    if (j === -1) return false;
    used[j] = true;
    return true;
  });
  return { expected: used, actual: actualMatched };
}

/**
 * Comparison.matches: whether the server would accept `actual` for `expected`; undefined in mode
 * checker, where only the problem's checker (in the server's sandbox) can say.
 */
export function matches(
  expected: unknown,
  actual: unknown,
  comparison: Comparison,
  type?: ValueType,
): boolean | undefined {
  if (comparison.mode === "checker") return undefined;
  const e = describeValue(expected, type);
  const a = describeValue(actual, type);
  if (comparison.mode === "unordered" && isSequence(e) && isSequence(a) && e.kind === a.kind) {
    return (
      e.items.length === a.items.length &&
      unorderedPartners(e.items, a.items).actual.every((matched) => matched)
    );
  }
  return equalShown(e, a, toleranceOf(comparison));
}

/** Both values as the views show them, with the parts that differ marked. */
export function diffShown(
  expected: unknown,
  actual: unknown,
  comparison: Comparison = { mode: "exact" },
  type?: ValueType,
): { expected: Shown; actual: Shown; same: boolean | undefined } {
  const e = describeValue(expected, type);
  const a = describeValue(actual, type);
  // Checker: any valid answer passes, so a difference from the reference's is no mistake to mark.
  if (comparison.mode === "checker") return { expected: e, actual: a, same: undefined };
  // Unordered: the top-level array is a multiset, so an element is marked only when it has no
  // equal partner on the other side.
  if (comparison.mode === "unordered" && isSequence(e) && isSequence(a) && e.kind === a.kind) {
    const paired = unorderedPartners(e.items, a.items);
    const mark = (items: Shown[], matched: boolean[]) =>
      items.forEach((item, i) => {
        if (!matched[i]) item.mark = "only" satisfies Mark;
      });
    mark(e.items, paired.expected);
    mark(a.items, paired.actual);
    return {
      expected: e,
      actual: a,
      same: paired.actual.every(Boolean) && e.items.length === a.items.length,
    };
  }
  const same = markPair(e, a, toleranceOf(comparison));
  return { expected: e, actual: a, same };
}
