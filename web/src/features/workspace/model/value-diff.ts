import type { ComparisonMode } from "../../../lib/closed-sets";

// Marks where a returned value differs from the expected one, element by element, so a wrong
// answer shows *where* it is wrong. Only for display: the verdict is the server's.

export interface Segment {
  text: string;
  diff: boolean;
}

export interface Comparison {
  mode: ComparisonMode;
  tolerance?: number | null;
}

// The rest mirrors execution/Comparison.java, so the marks agree with the verdict; value-diff.test.ts
// runs ComparisonTest's cases. One gap is the browser's: JSON numbers past 2^53 arrive rounded.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Comparison.numbersEqual: by value when the tolerance is 0, else absolute or relative to expected. */
function numbersEqual(expected: number, actual: number, tolerance: number): boolean {
  if (tolerance === 0) return expected === actual;
  const difference = Math.abs(expected - actual);
  return difference <= tolerance || difference <= tolerance * Math.abs(expected);
}

/** Comparison.equal: deep equality, arrays ordered, numbers compared with the tolerance. */
function equalValues(expected: unknown, actual: unknown, tolerance: number): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    return numbersEqual(expected, actual, tolerance);
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return (
      expected.length === actual.length &&
      expected.every((item, i) => equalValues(item, actual[i], tolerance))
    );
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = Object.keys(expected);
    return (
      keys.length === Object.keys(actual).length &&
      keys.every((k) => Object.hasOwn(actual, k) && equalValues(expected[k], actual[k], tolerance))
    );
  }
  return expected === actual;
}

// Only mode float has a tolerance; the server refuses float without one, so 0 never arrives there.
const toleranceOf = (comparison: Comparison) =>
  comparison.mode === "float" ? (comparison.tolerance ?? 0) : 0;

/**
 * Comparison.matches: whether the server would accept `actual` for `expected`; undefined in mode
 * checker, where only the problem's checker (in the server's sandbox) can say.
 */
export function matches(
  expected: unknown,
  actual: unknown,
  comparison: Comparison,
): boolean | undefined {
  if (comparison.mode === "checker") return undefined;
  if (comparison.mode !== "unordered") {
    return equalValues(expected, actual, toleranceOf(comparison));
  }
  if (!Array.isArray(expected) || !Array.isArray(actual)) return equalValues(expected, actual, 0);
  return (
    expected.length === actual.length &&
    unorderedPartners(expected, actual).actual.every((matched) => matched)
  );
}

/**
 * Comparison.sameMultiset's pairing: each element is paired with an equal (exact) one on the
 * other side; exact equality is an equivalence, so first-come pairing finds a full one if any.
 */
function unorderedPartners(expected: unknown[], actual: unknown[]) {
  const used = new Array<boolean>(expected.length).fill(false);
  const actualMatched = actual.map((item) => {
    const j = expected.findIndex((e, k) => !used[k] && equalValues(e, item, 0));
    if (j === -1) return false;
    used[j] = true;
    return true;
  });
  return { expected: used, actual: actualMatched };
}

const text = (value: unknown) => JSON.stringify(value) ?? "undefined";

function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.diff === s.diff) last.text += s.text;
    else if (s.text) out.push({ ...s });
  }
  return out;
}

function diffOrdered(
  expected: unknown,
  actual: unknown,
  tolerance: number,
  out: { e: Segment[]; a: Segment[] },
) {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    out.e.push({ text: "[", diff: false });
    out.a.push({ text: "[", diff: false });
    const length = Math.max(expected.length, actual.length);
    for (let i = 0; i < length; i++) {
      if (i < expected.length && i > 0) out.e.push({ text: ",", diff: false });
      if (i < actual.length && i > 0) out.a.push({ text: ",", diff: false });
      if (i >= actual.length) out.e.push({ text: text(expected[i]), diff: true });
      else if (i >= expected.length) out.a.push({ text: text(actual[i]), diff: true });
      else diffOrdered(expected[i], actual[i], tolerance, out);
    }
    out.e.push({ text: "]", diff: false });
    out.a.push({ text: "]", diff: false });
    return;
  }
  const same = equalValues(expected, actual, tolerance);
  out.e.push({ text: text(expected), diff: !same });
  out.a.push({ text: text(actual), diff: !same });
}

// Unordered: the top-level arrays are multisets, so an element is marked only when it has no
// equal partner on the other side.
function diffUnordered(expected: unknown[], actual: unknown[]) {
  const matched = unorderedPartners(expected, actual);
  const side = (items: unknown[], paired: boolean[]): Segment[] => [
    { text: "[", diff: false },
    ...items.flatMap((item, i) => [
      ...(i > 0 ? [{ text: ",", diff: false }] : []),
      { text: text(item), diff: !paired[i] },
    ]),
    { text: "]", diff: false },
  ];
  return {
    expected: merge(side(expected, matched.expected)),
    actual: merge(side(actual, matched.actual)),
  };
}

/** Segments for the expected and the actual value, with differing parts flagged. */
export function diffValues(
  expected: unknown,
  actual: unknown,
  comparison: Comparison = { mode: "exact" },
): { expected: Segment[]; actual: Segment[] } {
  if (comparison.mode === "checker") {
    // Any valid answer passes: a difference from the reference's answer is no mistake to mark.
    const shown = { e: [] as Segment[], a: [] as Segment[] };
    diffOrdered(expected, actual, 0, shown);
    const plain = (segments: Segment[]) => merge(segments.map((s) => ({ ...s, diff: false })));
    return { expected: plain(shown.e), actual: plain(shown.a) };
  }
  if (comparison.mode === "unordered" && Array.isArray(expected) && Array.isArray(actual)) {
    return diffUnordered(expected, actual);
  }
  const out = { e: [] as Segment[], a: [] as Segment[] };
  diffOrdered(expected, actual, toleranceOf(comparison), out);
  return { expected: merge(out.e), actual: merge(out.a) };
}
