import { verdictPresentation } from "../../../components/ui/verdict";
import type { BadgeTone } from "../../../components/ui/badge";
import type { Submission } from "../api/submission";

export interface VerdictHeadline {
  text: string;
  tone: BadgeTone;
}

/**
 * What a judged submission's banner says: "Accepted", "Wrong answer on hidden test 7 of 15",
 * "Time limit exceeded on test 3 of 15", "Compile error". Tests are numbered from 1 in the order
 * they ran, public then hidden.
 */
export function verdictHeadline(submission: Submission): VerdictHeadline {
  if (submission.state === "failed_to_run") {
    return { text: "Could not be judged", tone: "internal" };
  }
  if (!submission.verdict) return { text: "Judging…", tone: "neutral" };
  const { label, tone } = verdictPresentation(submission.verdict);
  const failure = submission.firstFailure;
  if (submission.verdict === "ACCEPTED" || submission.verdict === "COMPILE_ERROR" || !failure) {
    return { text: label, tone };
  }
  const total = submission.total ?? submission.tests.length;
  const where = `${failure.kind === "hidden" ? "hidden " : ""}test ${failure.index + 1}`;
  return { text: `${label} on ${where} of ${total}`, tone };
}

/** "12 of 15 tests passed", for lists where the headline would be too long. */
export function passedWording(submission: Submission): string {
  if (submission.passed == null || submission.total == null) return "";
  return `${submission.passed} of ${submission.total} ${submission.total === 1 ? "test" : "tests"} passed`;
}
