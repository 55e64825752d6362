import { describe, expect, it } from "vitest";
import { hintsWording, timeVersusEstimate } from "../../../lib/duration";
import { submission } from "./fixtures";
import { passedWording, verdictHeadline } from "./verdict-wording";

const failure = (index: number, kind: "public" | "hidden", verdict = "WRONG_ANSWER" as const) => ({
  index,
  kind,
  verdict,
  args: [[1, 2], 3],
  expected: [0, 1],
  actual: [1, 0],
});

describe("verdictHeadline", () => {
  it("says Accepted in green when every test passed", () => {
    expect(verdictHeadline(submission())).toEqual({ text: "Accepted", tone: "accepted" });
  });

  it("names the hidden test that failed, counted from 1 over all tests", () => {
    const wrong = submission({
      verdict: "WRONG_ANSWER",
      passed: 6,
      firstFailure: failure(6, "hidden"),
    });
    expect(verdictHeadline(wrong)).toEqual({
      text: "Wrong answer on hidden test 7 of 15",
      tone: "wrong",
    });
  });

  it("names a public test without the word hidden, in the limits' amber", () => {
    const slow = submission({
      verdict: "TIME_LIMIT_EXCEEDED",
      firstFailure: { ...failure(2, "public"), verdict: "TIME_LIMIT_EXCEEDED" },
    });
    expect(verdictHeadline(slow)).toEqual({
      text: "Time limit exceeded on test 3 of 15",
      tone: "limit",
    });
  });

  it("says Compile error without a test", () => {
    const broken = submission({ verdict: "COMPILE_ERROR", passed: 0, firstFailure: null });
    expect(verdictHeadline(broken)).toEqual({ text: "Compile error", tone: "error" });
  });

  it("says a submission that could not be judged is ours, in grey", () => {
    const lost = submission({ state: "failed_to_run", verdict: null, failure: "sandbox lost" });
    expect(verdictHeadline(lost)).toEqual({ text: "Could not be judged", tone: "internal" });
  });

  it("counts the tests when total is missing", () => {
    const tests = Array.from({ length: 4 }, (_, index) => ({
      index,
      kind: "public" as const,
      verdict: "PASSED" as const,
    }));
    const wrong = submission({
      verdict: "RUNTIME_ERROR",
      total: null,
      tests,
      firstFailure: { ...failure(1, "public"), verdict: "RUNTIME_ERROR" },
    });
    expect(verdictHeadline(wrong).text).toBe("Runtime error on test 2 of 4");
  });

  it("says how many passed for lists", () => {
    expect(passedWording(submission({ passed: 12 }))).toBe("12 of 15 tests passed");
    expect(passedWording(submission({ passed: 1, total: 1 }))).toBe("1 of 1 test passed");
  });
});

describe("time and hints wording", () => {
  it("compares the time with the estimate", () => {
    expect(timeVersusEstimate(18 * 60_000 + 40_000, 20)).toBe("18:40, within the 20 min estimate");
    expect(timeVersusEstimate(24 * 60_000 + 5_000, 20)).toBe(
      "24:05, 5 min over the 20 min estimate",
    );
    expect(timeVersusEstimate(61 * 60_000 + 3_000, 45)).toBe(
      "1:01:03, 17 min over the 45 min estimate",
    );
  });

  it("counts hints in words", () => {
    expect(hintsWording(0)).toBe("no hints");
    expect(hintsWording(1)).toBe("1 hint");
    expect(hintsWording(3)).toBe("3 hints");
  });
});
