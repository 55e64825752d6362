import { verdictPresentation } from "../../../components/ui/verdict";
import { formatClock } from "../../../lib/duration";
import { verdictSchema } from "../../../lib/closed-sets";
import type { AttemptEvent } from "../api/attempt-detail";

export interface TimelineEntry {
  /** Wall time since the attempt was opened, as a clock ("04:12"). */
  offset: string;
  at: string;
  text: string;
  /** A submission this entry is about, to link to its code. */
  submissionId?: string;
}

/**
 * The attempt's events in words, oldest first: "Opened", "Hint 1", "3 runs (last: Wrong answer)",
 * "Submitted", "Accepted, 15 of 15 tests". Runs in a row are one entry, so the timeline stays short.
 */
export function timeline(events: AttemptEvent[], startedAt: string): TimelineEntry[] {
  const start = Date.parse(startedAt);
  const entries: TimelineEntry[] = [];
  let runs = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const detail = event.detail ?? {};
    const entry = (text: string, submissionId?: string) =>
      entries.push({
        offset: formatClock(Math.max(0, Date.parse(event.at) - start)),
        at: event.at,
        text,
        submissionId,
      });
    if (event.kind === "ran") {
      runs++;
      if (events[i + 1]?.kind === "ran") continue;
      const verdict = verdictLabel(detail.verdict);
      entry(`${runs === 1 ? "Ran" : `${runs} runs`}${verdict ? ` (last: ${verdict})` : ""}`);
      runs = 0;
      continue;
    }
    const submissionId = typeof detail.submissionId === "string" ? detail.submissionId : undefined;
    switch (event.kind) {
      case "opened":
        entry("Opened");
        break;
      case "timer_started":
        entry("Timer started");
        break;
      case "timer_paused":
        entry("Timer paused");
        break;
      case "timer_resumed":
        entry("Timer resumed");
        break;
      case "timer_reset":
        entry("Timer reset");
        break;
      case "given_up":
        entry("Gave up");
        break;
      case "hint_revealed":
        entry(`Hint ${typeof detail.index === "number" ? detail.index + 1 : ""} revealed`.trim());
        break;
      case "solution_opened":
        entry("Solution opened");
        break;
      case "submitted":
        entry("Submitted", submissionId);
        break;
      case "judged": {
        if (typeof detail.failure === "string" || detail.verdict == null) {
          entry("Could not be judged", submissionId);
          break;
        }
        const verdict = verdictLabel(detail.verdict) ?? "Judged";
        const tests =
          typeof detail.passed === "number" && typeof detail.total === "number"
            ? `, ${detail.passed} of ${detail.total} tests`
            : "";
        entry(`${verdict}${tests}`, submissionId);
        break;
      }
    }
  }
  return entries;
}

function verdictLabel(value: unknown): string | undefined {
  const parsed = verdictSchema.safeParse(value);
  return parsed.success ? verdictPresentation(parsed.data).label : undefined;
}
