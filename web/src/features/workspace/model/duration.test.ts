import { describe, expect, it } from "vitest";
import { formatMillis, isLimit } from "./duration";

describe("formatMillis", () => {
  it("says under a millisecond for a time the server rounded down to zero", () => {
    expect(formatMillis(0)).toBe("<1 ms");
  });

  it("shows whole milliseconds otherwise", () => {
    expect(formatMillis(1)).toBe("1 ms");
    expect(formatMillis(1234)).toBe("1234 ms");
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
