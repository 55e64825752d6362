import { describe, expect, it } from "vitest";
import { problemWording, resetWording, sinceStart } from "./wording";

describe("generation wording", () => {
  it("names the problem asked for, with the right article", () => {
    expect(problemWording("Easy", "Graphs")).toBe("an easy Graphs problem");
    expect(problemWording("Hard", "Tries")).toBe("a hard Tries problem");
  });

  it("says when the quota resets from Retry-After seconds", () => {
    const now = Date.parse("2026-12-03T20:40:00");
    expect(resetWording(30, now)).toMatch(/^in a minute, at /);
    expect(resetWording(45 * 60, now)).toMatch(/^in 45 min, at /);
    expect(resetWording(3 * 3600, now)).toMatch(/^in 3 h, at /);
    expect(resetWording(3 * 3600 + 20 * 60, now)).toMatch(/^in 3 h 20 min, at /);
    expect(resetWording(3 * 3600 + 20 * 60, now)).toContain(
      new Date(now + 200 * 60_000).toLocaleTimeString(undefined, {
        hour: "2-digit",
        minute: "2-digit",
      }),
    );
  });

  it("times each step from the start", () => {
    const start = "2026-12-03T10:00:00.000Z";
    expect(sinceStart(start, "2026-12-03T10:00:00.400Z")).toBe("0.4 s");
    expect(sinceStart(start, "2026-12-03T10:00:12.900Z")).toBe("12 s");
    expect(sinceStart(start, "2026-12-03T10:01:05.000Z")).toBe("1:05");
    expect(sinceStart(start, "not a time")).toBe("");
  });
});
