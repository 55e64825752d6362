import { describe, expect, it } from "vitest";
import { VERDICTS } from "../../lib/closed-sets";
import { verdictPresentation } from "./verdict";

describe("verdictPresentation", () => {
  it("maps verdicts onto the one palette", () => {
    expect(verdictPresentation("PASSED")).toEqual({ label: "Passed", tone: "accepted" });
    expect(verdictPresentation("COMPLETED")).toEqual({ label: "Completed", tone: "accepted" });
    expect(verdictPresentation("WRONG_ANSWER").tone).toBe("wrong");
    expect(verdictPresentation("TIME_LIMIT_EXCEEDED").tone).toBe("limit");
    expect(verdictPresentation("MEMORY_LIMIT_EXCEEDED").tone).toBe("limit");
    expect(verdictPresentation("OUTPUT_LIMIT_EXCEEDED").tone).toBe("limit");
    expect(verdictPresentation("COMPILE_ERROR").tone).toBe("error");
    expect(verdictPresentation("RUNTIME_ERROR").tone).toBe("error");
    expect(verdictPresentation("INTERNAL_ERROR").tone).toBe("internal");
  });

  it("gives every verdict its own label", () => {
    const labels = VERDICTS.map((v) => verdictPresentation(v).label);
    expect(labels.every(Boolean)).toBe(true);
    expect(new Set(labels).size).toBe(VERDICTS.length);
  });
});
