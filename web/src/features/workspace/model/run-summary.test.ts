import { describe, expect, it } from "vitest";
import type { Verdict } from "../../../lib/closed-sets";
import { runSummary, runSummarySentence } from "./run-summary";

const report = (verdict: Verdict, ...tests: Verdict[]) => ({
  verdict,
  tests: tests.map((v) => ({ verdict: v })),
});

describe("runSummary", () => {
  it("says all public tests passed, never Accepted", () => {
    const summary = runSummary(report("PASSED", "PASSED", "PASSED", "PASSED"), false);
    expect(summary).toEqual({
      headline: "All 3 public tests passed",
      detail: null,
      tone: "accepted",
    });
    expect(runSummary(report("PASSED", "PASSED"), false).headline).toBe("The public test passed");
  });

  it("says custom cases ran, whether they matched the reference or had none", () => {
    expect(runSummary(report("PASSED", "PASSED", "COMPLETED"), true).headline).toBe(
      "Your 2 tests ran",
    );
    expect(runSummary(report("COMPLETED", "COMPLETED"), true)).toEqual({
      headline: "Your test ran",
      detail: null,
      tone: "accepted",
    });
  });

  it("leads a failure with its verdict and counts the passes", () => {
    const summary = runSummary(
      report("WRONG_ANSWER", "PASSED", "PASSED", "WRONG_ANSWER", "PASSED", "PASSED"),
      false,
    );
    expect(summary).toEqual({
      headline: "Wrong answer",
      detail: "4 of 5 public tests passed",
      tone: "wrong",
    });
    expect(runSummarySentence(summary)).toBe("Wrong answer: 4 of 5 public tests passed.");
    expect(runSummary(report("RUNTIME_ERROR", "PASSED", "RUNTIME_ERROR"), true).detail).toBe(
      "1 of your 2 tests passed",
    );
  });

  it("says no test ran when the code did not compile", () => {
    const summary = runSummary(report("COMPILE_ERROR", "NOT_RUN", "NOT_RUN", "NOT_RUN"), false);
    expect(summary).toEqual({
      headline: "Compile error",
      detail: "None of the 3 public tests ran",
      tone: "error",
    });
  });
});
