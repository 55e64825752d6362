import { describe, expect, it } from "vitest";
import { formatCpuMillis, formatMillis, isLimit } from "./duration";

describe("formatMillis", () => {
  it("says under a millisecond for a time the server rounded down to zero", () => {
    expect(formatMillis(0)).toBe("<1 ms");
  });

  it("shows whole milliseconds otherwise", () => {
    expect(formatMillis(1)).toBe("1 ms");
    expect(formatMillis(1234)).toBe("1234 ms");
  });
});

describe("formatCpuMillis", () => {
  it("keeps microseconds where the figure is small", () => {
    expect(formatCpuMillis(0.042)).toBe("0.042 ms");
    expect(formatCpuMillis(0.5)).toBe("0.5 ms");
    expect(formatCpuMillis(3.44)).toBe("3.4 ms");
  });

  it("reads whole milliseconds from ten up, and says when nothing was measurable", () => {
    expect(formatCpuMillis(12.6)).toBe("13 ms");
    expect(formatCpuMillis(0)).toBe("<0.001 ms");
  });
});

describe("isLimit", () => {
  it("holds for the three limit verdicts only", () => {
    expect(isLimit("TIME_LIMIT_EXCEEDED")).toBe(true);
    expect(isLimit("MEMORY_LIMIT_EXCEEDED")).toBe(true);
    expect(isLimit("OUTPUT_LIMIT_EXCEEDED")).toBe(true);
    expect(isLimit("WRONG_ANSWER")).toBe(false);
    expect(isLimit("RUNTIME_ERROR")).toBe(false);
  });
});
