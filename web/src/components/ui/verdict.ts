import type { Verdict } from "../../lib/closed-sets";
import type { BadgeTone } from "./badge";

// Keyed by every verdict (lib/closed-sets.ts), so a verdict added there must be given a label and
// a tone here before the app compiles; the response schemas reject any verdict not in that set.
const presentation: Record<Verdict, { label: string; tone: BadgeTone }> = {
  // One test's badge. "Accepted" is a submission's word: a run of the public tests is not one.
  PASSED: { label: "Passed", tone: "accepted" },
  // Ran fine with nothing to compare against (custom inputs): a success, named for what it is.
  COMPLETED: { label: "Completed", tone: "accepted" },
  // A submission that passed every test, hidden ones included.
  ACCEPTED: { label: "Accepted", tone: "accepted" },
  WRONG_ANSWER: { label: "Wrong answer", tone: "wrong" },
  TIME_LIMIT_EXCEEDED: { label: "Time limit exceeded", tone: "limit" },
  MEMORY_LIMIT_EXCEEDED: { label: "Memory limit exceeded", tone: "limit" },
  OUTPUT_LIMIT_EXCEEDED: { label: "Output limit exceeded", tone: "limit" },
  COMPILE_ERROR: { label: "Compile error", tone: "error" },
  RUNTIME_ERROR: { label: "Runtime error", tone: "error" },
  // Our own faults: never shown in the user's failure colours.
  INTERNAL_ERROR: { label: "Internal error", tone: "internal" },
  NOT_RUN: { label: "Not run", tone: "neutral" },
};

/** The label and palette tone for a verdict. */
export function verdictPresentation(verdict: Verdict): { label: string; tone: BadgeTone } {
  return presentation[verdict];
}
