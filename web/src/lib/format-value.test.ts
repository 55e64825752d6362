import { describe, expect, it } from "vitest";
import { formatArgs, formatBytes, formatValue } from "./format-value";

describe("formatValue", () => {
  it("prints nested arrays and strings as compact JSON", () => {
    expect(formatValue([[1, 2], ["a"]])).toBe('[[1,2],["a"]]');
  });
});

describe("formatArgs", () => {
  it("pairs each argument with its parameter name", () => {
    expect(formatArgs(["nums", "target"], [[2, 7], 9])).toBe("nums = [2,7], target = 9");
  });

  it("names arguments beyond the signature by position", () => {
    expect(formatArgs(["a"], [1, 2])).toBe("a = 1, arg1 = 2");
  });
});

describe("formatBytes", () => {
  it("prints bytes, then KB and MB with one decimal", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(60002)).toBe("58.6 KB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3 MB");
  });
});
