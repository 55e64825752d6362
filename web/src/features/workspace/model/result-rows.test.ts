import { describe, expect, it } from "vitest";
import type { Verdict } from "../../../lib/closed-sets";
import type { TestResult } from "../api/run";
import { resultRows, testRangeTitle } from "./result-rows";

const test = (index: number, verdict: Verdict, message: string | null = null): TestResult => ({
  index,
  kind: "public",
  verdict,
  args: [],
  message,
});

describe("resultRows", () => {
  it("folds consecutive tests that did not run into one row", () => {
    const rows = resultRows([
      test(0, "TIME_LIMIT_EXCEEDED"),
      test(1, "NOT_RUN"),
      test(2, "NOT_RUN"),
      test(3, "NOT_RUN"),
    ]);
    expect(rows.map((r) => r.kind)).toEqual(["test", "not-run"]);
    const notRun = rows[1]!;
    expect(notRun.kind === "not-run" && testRangeTitle(notRun.tests)).toBe("Tests 2–4");
  });

  it("points a repeated failure message at its first occurrence", () => {
    const trace = "TypeError: x is undefined\n  at solve (solution.js:3)";
    const rows = resultRows([
      test(0, "RUNTIME_ERROR", trace),
      test(1, "PASSED"),
      test(2, "RUNTIME_ERROR", trace),
      test(3, "RUNTIME_ERROR", "RangeError: other"),
      test(4, "RUNTIME_ERROR", `${trace}\n`),
    ]);
    const sameAs = rows.map((r) => (r.kind === "test" ? (r.sameErrorAs?.index ?? null) : "-"));
    expect(sameAs).toEqual([null, null, 0, null, 0]);
  });

  it("names a single test and custom cases", () => {
    expect(testRangeTitle([test(1, "NOT_RUN")])).toBe("Test 2");
    expect(
      testRangeTitle([
        { kind: "custom", index: 0 },
        { kind: "custom", index: 1 },
      ]),
    ).toBe("Custom cases 1–2");
  });
});
