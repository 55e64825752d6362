import { isSuccess } from "../../../lib/closed-sets";
import type { TestResult } from "../api/run";

/** One row of the results list: a test's card, or a run of tests that did not run. */
export type ResultRow =
  | { kind: "test"; test: TestResult; sameErrorAs: TestResult | null }
  | { kind: "not-run"; tests: TestResult[] };

/**
 * The results as rows to show: consecutive NOT_RUN tests become one row, and a failure whose
 * message repeats an earlier failure's points at that one, so a compile error or a shared stack
 * trace is read once rather than once per test.
 */
export function resultRows(tests: TestResult[]): ResultRow[] {
  const rows: ResultRow[] = [];
  const firstWithMessage = new Map<string, TestResult>();
  for (const test of tests) {
    const last = rows.at(-1);
    if (test.verdict === "NOT_RUN") {
      if (last?.kind === "not-run") last.tests.push(test);
      else rows.push({ kind: "not-run", tests: [test] });
      continue;
    }
    const message = isSuccess(test.verdict) ? "" : (test.message ?? "").trim();
    const earlier = message ? firstWithMessage.get(message) : undefined;
    if (message && !earlier) firstWithMessage.set(message, test);
    rows.push({ kind: "test", test, sameErrorAs: earlier ?? null });
  }
  return rows;
}

/** "Test 3" or "Custom case 3": how a card is titled, 1-based. */
export function testTitle(test: Pick<TestResult, "kind" | "index">): string {
  return `${test.kind === "custom" ? "Custom case" : "Test"} ${test.index + 1}`;
}

/** "Tests 2–5" or "Test 2", "Custom cases 1–3": the heading of a run of tests. */
export function testRangeTitle(tests: Pick<TestResult, "kind" | "index">[]): string {
  const first = tests[0]!;
  const last = tests.at(-1)!;
  if (tests.length === 1) return testTitle(first);
  const noun = first.kind === "custom" ? "Custom cases" : "Tests";
  return `${noun} ${first.index + 1}–${last.index + 1}`;
}
