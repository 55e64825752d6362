// Marks where a returned value differs from the expected one, element by element, so a wrong
// answer shows *where* it is wrong. Only for display: the verdict is the server's.

export interface Segment {
  text: string;
  diff: boolean;
}

export interface Comparison {
  mode: "exact" | "unordered" | "float";
  tolerance?: number | null;
}

function equalValues(a: unknown, b: unknown, comparison: Comparison): boolean {
  if (comparison.mode === "float" && typeof a === "number" && typeof b === "number") {
    const tolerance = comparison.tolerance ?? 1e-6;
    const diff = Math.abs(a - b);
    return diff <= tolerance || diff <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => equalValues(x, b[i], comparison));
  }
  return JSON.stringify(a) === JSON.stringify(b);
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
  comparison: Comparison,
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
      else diffOrdered(expected[i], actual[i], comparison, out);
    }
    out.e.push({ text: "]", diff: false });
    out.a.push({ text: "]", diff: false });
    return;
  }
  const same = equalValues(expected, actual, comparison);
  out.e.push({ text: text(expected), diff: !same });
  out.a.push({ text: text(actual), diff: !same });
}

// Unordered: the top-level arrays are multisets, so an element is marked only when it has no
// equal partner on the other side.
function diffUnordered(expected: unknown[], actual: unknown[], comparison: Comparison) {
  const used = new Array<boolean>(expected.length).fill(false);
  const actualMatched = actual.map((item) => {
    const j = expected.findIndex((e, k) => !used[k] && equalValues(e, item, comparison));
    if (j === -1) return false;
    used[j] = true;
    return true;
  });
  const side = (items: unknown[], matched: boolean[]): Segment[] => [
    { text: "[", diff: false },
    ...items.flatMap((item, i) => [
      ...(i > 0 ? [{ text: ",", diff: false }] : []),
      { text: text(item), diff: !matched[i] },
    ]),
    { text: "]", diff: false },
  ];
  return { expected: merge(side(expected, used)), actual: merge(side(actual, actualMatched)) };
}

/** Segments for the expected and the actual value, with differing parts flagged. */
export function diffValues(
  expected: unknown,
  actual: unknown,
  comparison: Comparison = { mode: "exact" },
): { expected: Segment[]; actual: Segment[] } {
  if (comparison.mode === "unordered" && Array.isArray(expected) && Array.isArray(actual)) {
    return diffUnordered(expected, actual, comparison);
  }
  const out = { e: [] as Segment[], a: [] as Segment[] };
  diffOrdered(expected, actual, comparison, out);
  return { expected: merge(out.e), actual: merge(out.a) };
}
