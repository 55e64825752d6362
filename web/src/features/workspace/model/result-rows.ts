import { isSuccess, type Verdict } from "../../../lib/closed-sets";
import type { TestResult } from "../api/run";

/** One case of a run as the results show it: a tab, and its details when selected. */
export interface ResultCase {
  test: TestResult;
  /** An earlier test that failed with this same message: the message is then shown folded. */
  sameErrorAs: TestResult | null;
}

/**
 * The run's tests as cases. A failure whose message repeats an earlier failure's points at that
 * one, so a compile error or a shared stack trace is read once rather than once per test.
 */
export function resultCases(tests: TestResult[]): ResultCase[] {
  const firstWithMessage = new Map<string, TestResult>();
  return tests.map((test) => {
    const message =
      isSuccess(test.verdict) || test.verdict === "NOT_RUN" ? "" : (test.message ?? "").trim();
    const earlier = message ? firstWithMessage.get(message) : undefined;
    if (message && !earlier) firstWithMessage.set(message, test);
    return { test, sameErrorAs: earlier ?? null };
  });
}

/** The case to show first: the first that failed, else the first. */
export function firstCaseToShow(tests: Pick<TestResult, "verdict">[]): number {
  const failed = tests.findIndex((t) => !isSuccess(t.verdict) && t.verdict !== "NOT_RUN");
  return failed === -1 ? 0 : failed;
}

/** Why a test did not run, in a few words after "Test 4 not run: ". */
export function notRunReason(runVerdict: Verdict, tests: TestResult[], index: number): string {
  if (runVerdict === "COMPILE_ERROR") return "the code did not compile";
  const ender = tests.slice(0, index).findLast((t) => t.verdict !== "NOT_RUN");
  if (ender && !isSuccess(ender.verdict)) return `${testTitle(ender).toLowerCase()} ended the run`;
  return tests[index]?.message?.trim() || "an earlier test ended the run";
}

/** "Test 3" or "Custom case 3": how a case is titled, 1-based. */
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
