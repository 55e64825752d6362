import type { Verdict } from "../../../lib/closed-sets";

/**
 * A duration the server measured in whole milliseconds. Zero means "under one millisecond" (the
 * server rounds down), so it reads "<1 ms" rather than claiming the code took no time at all.
 */
export function formatMillis(millis: number): string {
  return millis < 1 ? "<1 ms" : `${Math.round(millis)} ms`;
}

/**
 * CPU time, which the server measures to the microsecond: small figures keep their precision
 * ("0.042 ms", "3.4 ms"), larger ones read in whole milliseconds.
 */
export function formatCpuMillis(millis: number): string {
  if (millis <= 0) return "<0.001 ms";
  if (millis < 1) return `${Number(millis.toFixed(3))} ms`;
  if (millis < 10) return `${millis.toFixed(1)} ms`;
  return `${Math.round(millis)} ms`;
}

const LIMIT_VERDICTS: readonly Verdict[] = [
  "TIME_LIMIT_EXCEEDED",
  "MEMORY_LIMIT_EXCEEDED",
  "OUTPUT_LIMIT_EXCEEDED",
];

/** Whether a verdict means a limit was hit; the test's message then says which one. */
export const isLimit = (verdict: Verdict) => LIMIT_VERDICTS.includes(verdict);
