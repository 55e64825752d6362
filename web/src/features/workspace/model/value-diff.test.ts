import { describe, expect, it } from "vitest";
import { diffValues, type Segment } from "./value-diff";

const marked = (segments: Segment[]) => segments.filter((s) => s.diff).map((s) => s.text);
const whole = (segments: Segment[]) => segments.map((s) => s.text).join("");

describe("diffValues", () => {
  it("marks nothing when the values are equal", () => {
    const d = diffValues([1, [2, 3]], [1, [2, 3]]);
    expect(marked(d.expected)).toEqual([]);
    expect(marked(d.actual)).toEqual([]);
    expect(whole(d.actual)).toBe("[1,[2,3]]");
  });

  it("marks the differing elements only, at any depth", () => {
    const d = diffValues(
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 2],
        [3, 5],
      ],
    );
    expect(marked(d.expected)).toEqual(["4"]);
    expect(marked(d.actual)).toEqual(["5"]);
    expect(whole(d.expected)).toBe("[[1,2],[3,4]]");
  });

  it("marks missing and extra elements", () => {
    const d = diffValues([1, 2, 3], [1, 2, 3, 4, 5]);
    expect(marked(d.actual)).toEqual(["4", "5"]);
    expect(marked(d.expected)).toEqual([]);
    const shorter = diffValues([1, 2, 3], [1]);
    expect(marked(shorter.expected)).toEqual(["2", "3"]);
    expect(whole(shorter.expected)).toBe("[1,2,3]");
  });

  it("marks whole scalars and type mismatches", () => {
    expect(marked(diffValues(3, -1).actual)).toEqual(["-1"]);
    expect(marked(diffValues("abc", "abd").expected)).toEqual(['"abc"']);
    expect(marked(diffValues([1], 1).actual)).toEqual(["1"]);
  });

  it("compares unordered results as multisets", () => {
    const d = diffValues(
      [
        [1, 2],
        [3, 4],
      ],
      [
        [3, 4],
        [1, 2],
      ],
      { mode: "unordered" },
    );
    expect(marked(d.actual)).toEqual([]);
    const wrong = diffValues([1, 1, 2], [1, 2, 2], { mode: "unordered" });
    expect(marked(wrong.expected)).toEqual(["1"]);
    expect(marked(wrong.actual)).toEqual(["2"]);
  });

  it("applies the float tolerance", () => {
    expect(
      marked(diffValues([0.1 + 0.2], [0.3], { mode: "float", tolerance: 1e-9 }).actual),
    ).toEqual([]);
    expect(marked(diffValues([1.5], [1.6], { mode: "float", tolerance: 1e-3 }).actual)).toEqual([
      "1.6",
    ]);
  });
});
