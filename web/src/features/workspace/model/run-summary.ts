import type { BadgeTone } from "../../../components/ui/badge";
import { verdictPresentation } from "../../../components/ui/verdict";
import { isSuccess, type Verdict } from "../../../lib/closed-sets";

/** What a run's header says: a headline in the verdict's tone, and the count when it failed. */
export interface RunSummary {
  headline: string;
  detail: string | null;
  tone: BadgeTone;
}

/**
 * A run's overall result in words. A run is not a submission, so success says what happened
 * ("All 5 public tests passed", "Your 2 tests ran") rather than "Accepted"; a failure leads with
 * the verdict and counts the passes beside it.
 */
export function runSummary(
  report: { verdict: Verdict; tests: { verdict: Verdict }[] },
  custom: boolean,
): RunSummary {
  const { label, tone } = verdictPresentation(report.verdict);
  const total = report.tests.length;
  if (total === 0) return { headline: label, detail: null, tone };
  if (isSuccess(report.verdict)) {
    // Custom cases may have nothing to compare against (COMPLETED), so they "ran", not "passed".
    const headline = custom
      ? total === 1
        ? "Your test ran"
        : `Your ${total} tests ran`
      : total === 1
        ? "The public test passed"
        : `All ${total} public tests passed`;
    return { headline, detail: null, tone };
  }
  return { headline: label, detail: failureCount(report.tests, custom), tone };
}

function failureCount(tests: { verdict: Verdict }[], custom: boolean): string {
  const total = tests.length;
  const passed = tests.filter((t) => isSuccess(t.verdict)).length;
  const ran = tests.filter((t) => t.verdict !== "NOT_RUN").length;
  if (ran === 0) {
    if (custom) return total === 1 ? "Your test did not run" : `None of your ${total} tests ran`;
    return total === 1 ? "The public test did not run" : `None of the ${total} public tests ran`;
  }
  return custom
    ? `${passed} of your ${total} tests passed`
    : `${passed} of ${total} public ${total === 1 ? "test" : "tests"} passed`;
}

/** The same summary as one sentence, for the screen-reader announcement. */
export function runSummarySentence(summary: RunSummary): string {
  return summary.detail ? `${summary.headline}: ${summary.detail}.` : `${summary.headline}.`;
}
