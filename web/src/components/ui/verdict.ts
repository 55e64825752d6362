import type { BadgeTone } from "./badge";

/** Every verdict a run can report (the server's closed set). */
export const VERDICTS = [
  "PASSED",
  "WRONG_ANSWER",
  "RUNTIME_ERROR",
  "TIME_LIMIT_EXCEEDED",
  "MEMORY_LIMIT_EXCEEDED",
  "OUTPUT_LIMIT_EXCEEDED",
  "COMPILE_ERROR",
  "INTERNAL_ERROR",
  "NOT_RUN",
] as const;

export type Verdict = (typeof VERDICTS)[number];

const presentation: Record<Verdict, { label: string; tone: BadgeTone }> = {
  PASSED: { label: "Accepted", tone: "accepted" },
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

/** The label and palette tone for a verdict; an unknown verdict is shown as ours, not the user's. */
export function verdictPresentation(verdict: string): { label: string; tone: BadgeTone } {
  return (
    presentation[verdict as Verdict] ?? {
      label: verdict.replaceAll("_", " ").toLowerCase(),
      tone: "internal",
    }
  );
}
