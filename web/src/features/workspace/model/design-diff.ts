import type { Call } from "../../../lib/design-calls";
import { describeValue, plainText, type Shown } from "../../../lib/value-model";
import { diffShown, type Comparison } from "./value-diff";

// A design test's expected and actual values hold one return per call: each call's pair is
// compared as its method's return type, and the first differing call is the one to read first.

export interface CallRow {
  call: Call;
  expected: Shown | null;
  /** Null when the run returned nothing for this call. */
  actual: Shown | null;
  differs: boolean;
}

const at = (values: unknown, i: number) =>
  Array.isArray(values) && i < values.length ? { value: values[i] as unknown } : null;

/** One row per call, each call's values marked where they differ (never in mode checker). */
export function diffCalls(
  calls: Call[],
  expected: unknown,
  actual: unknown,
  comparison: Comparison,
): CallRow[] {
  const ran = Array.isArray(actual);
  return calls.map((call, i) => {
    const type = call.method?.returns;
    const e = at(expected, i);
    const a = at(actual, i);
    if (e && a) {
      const diff = diffShown(e.value, a.value, comparison, type);
      return { call, expected: diff.expected, actual: diff.actual, differs: diff.same === false };
    }
    const shown = (found: { value: unknown } | null) =>
      found ? describeValue(found.value, type) : null;
    // A call past the end of a returned sequence is missing from it.
    const missing = ran && e !== null && a === null && comparison.mode !== "checker";
    return { call, expected: shown(e), actual: shown(a), differs: missing };
  });
}

/** "Call 4, `get(1)`: expected 1, got -1", for the first differing call. */
export function firstDifference(rows: CallRow[]): { row: CallRow; text: string } | null {
  const row = rows.find((r) => r.differs);
  if (!row) return null;
  const got = row.actual ? plainText({ ...row.actual, mark: undefined }) : "no value";
  const wanted = row.expected ? plainText({ ...row.expected, mark: undefined }) : "no value";
  return { row, text: `expected ${wanted}, got ${got}` };
}
