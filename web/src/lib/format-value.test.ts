import { describe, expect, it } from "vitest";
import { formatBytes, formatValue } from "./format-value";

describe("formatValue", () => {
  it("prints nested arrays and strings as compact JSON", () => {
    expect(formatValue([[1, 2], ["a"]])).toBe('[[1,2],["a"]]');
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
