import type { Verdict } from "../../../lib/closed-sets";

/**
 * A duration the server measured in whole milliseconds. Zero means "under one millisecond" (the
 * server rounds down), so it reads "<1 ms" rather than claiming the code took no time at all.
 */
export function formatMillis(millis: number): string {
  return millis < 1 ? "<1 ms" : `${Math.round(millis)} ms`;
}

const LIMIT_VERDICTS: readonly Verdict[] = [
  "TIME_LIMIT_EXCEEDED",
  "MEMORY_LIMIT_EXCEEDED",
  "OUTPUT_LIMIT_EXCEEDED",
];

/** Whether a verdict means a limit was hit; the test's message then says which one. */
export const isLimit = (verdict: Verdict) => LIMIT_VERDICTS.includes(verdict);
