import { describe, expect, it } from "vitest";
import type { Verdict } from "../../../lib/closed-sets";
import type { TestResult } from "../api/run";
import { firstCaseToShow, notRunReason, resultCases, testRangeTitle } from "./result-rows";

const test = (index: number, verdict: Verdict, message: string | null = null): TestResult => ({
  index,
  kind: "public",
  verdict,
  args: [],
  message,
});

describe("resultCases", () => {
  it("points a repeated failure message at its first occurrence", () => {
    const trace = "TypeError: x is undefined\n  at solve (solution.js:3)";
    const cases = resultCases([
      test(0, "RUNTIME_ERROR", trace),
      test(1, "PASSED"),
      test(2, "RUNTIME_ERROR", trace),
      test(3, "RUNTIME_ERROR", "RangeError: other"),
      test(4, "RUNTIME_ERROR", `${trace}\n`),
    ]);
    expect(cases.map((c) => c.sameErrorAs?.index ?? null)).toEqual([null, null, 0, null, 0]);
  });

  it("never folds the reason tests did not run", () => {
    const cases = resultCases([test(0, "NOT_RUN", "compile"), test(1, "NOT_RUN", "compile")]);
    expect(cases.map((c) => c.sameErrorAs)).toEqual([null, null]);
  });
});

describe("firstCaseToShow", () => {
  it("is the first failure, else the first case", () => {
    expect(firstCaseToShow([test(0, "PASSED"), test(1, "WRONG_ANSWER"), test(2, "NOT_RUN")])).toBe(
      1,
    );
    expect(firstCaseToShow([test(0, "PASSED"), test(1, "PASSED")])).toBe(0);
    expect(firstCaseToShow([test(0, "NOT_RUN")])).toBe(0);
  });
});

describe("notRunReason", () => {
  it("names the test that ended the run, or the compile error", () => {
    const tests = [test(0, "PASSED"), test(1, "TIME_LIMIT_EXCEEDED"), test(2, "NOT_RUN")];
    expect(notRunReason("TIME_LIMIT_EXCEEDED", tests, 2)).toBe("test 2 ended the run");
    expect(notRunReason("COMPILE_ERROR", tests, 2)).toBe("the code did not compile");
  });
});

describe("testRangeTitle", () => {
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
