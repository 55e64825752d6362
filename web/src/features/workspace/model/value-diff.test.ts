import { describe, expect, it } from "vitest";
import { diffValues, matches, type Comparison, type Segment } from "./value-diff";

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

// The cases of src/test/java/dev/improview/execution/ComparisonTest.java, on the same JSON text,
// so the diff marks and the server's verdict agree.
const json = (text: string): unknown => JSON.parse(text);
const exact: Comparison = { mode: "exact" };
const unordered: Comparison = { mode: "unordered" };
const floatWithin = (tolerance: number): Comparison => ({ mode: "float", tolerance });
const agree = (comparison: Comparison, expected: string, actual: string) =>
  matches(json(expected), json(actual), comparison);

describe("matches, as Comparison.java", () => {
  it("exact is deep ordered equality where 1 equals 1.0", () => {
    expect(agree(exact, "[[1,2],[3]]", "[[1.0,2],[3]]")).toBe(true);
    expect(agree(exact, "[1,2]", "[2,1]")).toBe(false);
    expect(agree(exact, "[1,2]", "[1,2,3]")).toBe(false);
    expect(agree(exact, '"ab"', '"ab"')).toBe(true);
    expect(agree(exact, '"1"', "1")).toBe(false);
    expect(agree(exact, "true", "1")).toBe(false);
    expect(agree(exact, "0.1", "0.10000001")).toBe(false);
  });

  it("cannot tell integers apart past 2^53, which JSON.parse has already rounded", () => {
    // The server says these differ (ComparisonTest); the browser only ever sees two equal numbers,
    // so the diff marks nothing there and the verdict, which is the server's, is what counts.
    expect(agree(exact, "9007199254740993", "9007199254740992")).toBe(true);
  });

  it("unordered compares the top-level array as a multiset", () => {
    expect(agree(unordered, "[[1,2],[3,4]]", "[[3,4],[1,2]]")).toBe(true);
    expect(agree(unordered, "[1,1,2]", "[2,1,1.0]")).toBe(true);
    expect(agree(unordered, "[1,1,2]", "[1,2,2]")).toBe(false);
    expect(agree(unordered, "[[1,2]]", "[[2,1]]")).toBe(false);
    expect(agree(unordered, "[]", "[]")).toBe(true);
    expect(agree(unordered, '["a","b"]', '["b","a"]')).toBe(true);
    expect(agree(unordered, "5", "5")).toBe(true);
    expect(agree(unordered, "[100, 2.5, 0]", "[0.0, 2.50, 100.0]")).toBe(true);
    expect(agree(unordered, "[[100], [1e2]]", "[[1E+2], [100]]")).toBe(true);
    expect(agree(unordered, "[100]", "[101]")).toBe(false);
  });

  it("float allows an absolute or relative difference, at any depth", () => {
    const within = floatWithin(1e-6);
    expect(agree(within, "0.3", "0.30000000000000004")).toBe(true);
    expect(agree(within, "[1.0,[2.0]]", "[1.0000005,[1.9999995]]")).toBe(true);
    expect(agree(within, "0.3", "0.3001")).toBe(false);
    // Relative: 1e9 off by 100 is within 1e-6 of 1e9.
    expect(agree(within, "1e9", "1000000100")).toBe(true);
    expect(agree(within, "1e9", "1000010000")).toBe(false);
    expect(agree(within, "[1.0]", "[1.0,2.0]")).toBe(false);
  });

  it("float's relative bound is taken from the expected value only", () => {
    // 1.05 off: more than 0.1 × 10 (expected 10), less than 0.1 × 11.05 (expected 11.05).
    expect(agree(floatWithin(0.1), "10", "11.05")).toBe(false);
    expect(agree(floatWithin(0.1), "11.05", "10")).toBe(true);
  });

  it("compares objects by their keys, in any order, with the tolerance inside", () => {
    expect(agree(floatWithin(1e-6), '{"a":1,"b":[0.1]}', '{"b":[0.1000001],"a":1}')).toBe(true);
    expect(agree(exact, '{"a":1}', '{"a":1,"b":2}')).toBe(false);
    expect(agree(exact, '{"a":null}', '{"b":null}')).toBe(false);
    expect(agree(unordered, '[{"a":1,"b":2}]', '[{"b":2,"a":1.0}]')).toBe(true);
  });

  it("unordered compares inside its elements exactly, and float marks only what the server rejects", () => {
    expect(marked(diffValues([[1, 2]], [[2, 1]], unordered).actual)).toEqual(["[2,1]"]);
    const d = diffValues([10, 10], [11.05, 10.5], floatWithin(0.1));
    expect(marked(d.actual)).toEqual(["11.05"]);
  });
});

describe("mode checker", () => {
  it("marks nothing and leaves the verdict to the server", () => {
    const checker = { mode: "checker" as const };
    expect(matches([1, 5, 1], [1, 3, 1], checker)).toBeUndefined();
    const { expected, actual } = diffValues(1, 5, checker);
    expect([...expected, ...actual].some((s) => s.diff)).toBe(false);
    expect(actual.map((s) => s.text).join("")).toBe("5");
  });
});
