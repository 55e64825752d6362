import { describe, expect, it } from "vitest";
import { timeline } from "./timeline";

const start = "2025-01-01T10:00:00Z";
const at = (seconds: number) => new Date(Date.parse(start) + seconds * 1000).toISOString();

describe("timeline", () => {
  it("says what happened when, runs in a row as one entry", () => {
    const entries = timeline(
      [
        { kind: "opened", at: at(0), detail: { language: "python" } },
        { kind: "timer_started", at: at(5) },
        { kind: "hint_revealed", at: at(252), detail: { index: 0 } },
        { kind: "ran", at: at(300), detail: { verdict: "WRONG_ANSWER" } },
        { kind: "ran", at: at(400), detail: { verdict: "RUNTIME_ERROR" } },
        { kind: "ran", at: at(500), detail: { verdict: "PASSED" } },
        { kind: "submitted", at: at(1120), detail: { submissionId: "s1" } },
        {
          kind: "judged",
          at: at(1122),
          detail: { submissionId: "s1", verdict: "ACCEPTED", passed: 15, total: 15 },
        },
      ],
      start,
    );
    expect(entries.map((e) => `${e.offset} ${e.text}`)).toEqual([
      "0:00 Opened",
      "0:05 Timer started",
      "4:12 Hint 1 revealed",
      "8:20 3 runs (last: Passed)",
      "18:40 Submitted",
      "18:42 Accepted, 15 of 15 tests",
    ]);
    expect(entries.at(-1)!.submissionId).toBe("s1");
  });

  it("says a submission that failed to run could not be judged", () => {
    const entries = timeline(
      [{ kind: "judged", at: at(60), detail: { submissionId: "s2", failure: "sandbox lost" } }],
      start,
    );
    expect(entries.map((e) => e.text)).toEqual(["Could not be judged"]);
  });
});
