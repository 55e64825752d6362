import type { AttemptSummary } from "../api/attempts";

export type ProblemMark = "solved" | "attempted";

/** Each problem's mark from the caller's attempts: solved once any attempt is accepted. */
export function problemMarks(attempts: AttemptSummary[]): Record<string, ProblemMark> {
  const marks: Record<string, ProblemMark> = {};
  for (const a of attempts) {
    if (a.state === "accepted") marks[a.problemId] = "solved";
    else marks[a.problemId] ??= "attempted";
  }
  return marks;
}
