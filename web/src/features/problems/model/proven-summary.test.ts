import { describe, expect, it } from "vitest";
import type { Validation } from "../api/validation";
import { provenSummary } from "./proven-summary";

const proven: Validation = {
  status: "passed",
  stressChecked: true,
  checks: [],
  figures: {
    referenceTests: 18,
    stressInputs: 200,
    wrongSolutionsCaught: 6,
    wrongSolutionsTotal: 6,
    mutantsKilled: 12,
    mutantsDistinguishable: 12,
    testsAdded: 0,
    timeLimitsMillis: { javascript: 1000, python: 2000, java: 1000 },
    validationMillis: 9000,
  },
};

const withFigures = (
  figures: Partial<Validation["figures"]>,
  stressChecked = true,
): Validation => ({
  ...proven,
  stressChecked,
  figures: { ...proven.figures, ...figures },
});

describe("provenSummary", () => {
  it("says every figure in one line", () => {
    expect(provenSummary(proven)).toBe(
      "3 reference solutions × 18 tests · brute force agrees on 200 random inputs · " +
        "6/6 wrong solutions caught · mutation score 100% · limits JS 1 s, Python 2 s, Java 1 s",
    );
  });

  it("leaves the mutation score out when no mutant could be told apart", () => {
    const line = provenSummary(withFigures({ mutantsKilled: 0, mutantsDistinguishable: 0 }));
    expect(line).not.toMatch(/mutation/);
    expect(line).toContain("6/6 wrong solutions caught · limits JS 1 s");
  });

  it("rounds the mutation score down, so a surviving mutant never reads 100%", () => {
    const line = provenSummary(withFigures({ mutantsKilled: 199, mutantsDistinguishable: 200 }));
    expect(line).toContain("mutation score 99%");
  });

  it("says when the tests were not stress-checked, and leaves out wrong solutions none planted", () => {
    const line = provenSummary(
      withFigures(
        {
          stressInputs: 0,
          wrongSolutionsCaught: 0,
          wrongSolutionsTotal: 0,
          mutantsDistinguishable: 0,
        },
        false,
      ),
    );
    expect(line).toBe(
      "3 reference solutions × 18 tests · tests not stress-checked · limits JS 1 s, Python 2 s, Java 1 s",
    );
  });

  it("counts tests amplification added, and formats limits below and between seconds", () => {
    const line = provenSummary(
      withFigures({
        testsAdded: 1,
        timeLimitsMillis: { javascript: 1500, python: 800, java: 10000 },
      }),
    );
    expect(line).toContain("· 1 test added ·");
    expect(line).toMatch(/limits JS 1\.5 s, Python 800 ms, Java 10 s$/);
  });
});
