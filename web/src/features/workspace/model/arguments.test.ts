import { describe, expect, it } from "vitest";
import { checkValue, parseArgument, parseCase, toFields } from "./arguments";

describe("checkValue", () => {
  it("accepts values of the signature types", () => {
    expect(checkValue(3, "int", "n")).toBeNull();
    expect(checkValue(2 ** 40, "long", "n")).toBeNull();
    expect(checkValue(0.5, "double", "x")).toBeNull();
    expect(checkValue(true, "boolean", "b")).toBeNull();
    expect(checkValue("", "string", "s")).toBeNull();
    expect(checkValue([[1], [2, 3], []], "int[][]", "grid")).toBeNull();
    expect(checkValue([], "string[]", "words")).toBeNull();
  });

  it("names the offending element", () => {
    expect(checkValue([1, 2.5], "int[]", "nums")).toBe("nums[1]: expected an int, got number 2.5");
    expect(checkValue([[1], ["a"]], "int[][]", "grid")).toBe(
      'grid[1][0]: expected an int, got the string "a"',
    );
    expect(checkValue(5, "int[]", "nums")).toBe("nums: expected int[], got number 5");
    expect(checkValue("true", "boolean", "b")).toBe(
      'b: expected true or false, got the string "true"',
    );
  });

  it("enforces ranges", () => {
    expect(checkValue(2 ** 31, "int", "n")).toMatch(/does not fit in an int/);
    expect(checkValue(-(2 ** 31), "int", "n")).toBeNull();
    expect(checkValue(2 ** 53, "long", "n")).toMatch(/beyond/);
  });
});

describe("parseArgument", () => {
  it("parses JSON", () => {
    expect(parseArgument(" [1, 2] ", "int[]", "nums")).toEqual({ ok: true, value: [1, 2] });
  });

  it("explains missing quotes on strings", () => {
    expect(parseArgument("abc", "string", "s")).toEqual({
      ok: false,
      error: 's: not valid JSON (strings need double quotes, e.g. "abc")',
    });
  });

  it("rejects empty fields and bad JSON", () => {
    expect(parseArgument("  ", "int", "n")).toEqual({
      ok: false,
      error: "n: enter a value of type int",
    });
    expect(parseArgument("[1,", "int[]", "nums")).toEqual({
      ok: false,
      error: "nums: not valid JSON",
    });
  });
});

describe("parseCase", () => {
  const params = [
    { name: "nums", type: "int[]" },
    { name: "target", type: "int" },
  ];

  it("returns the arguments when every field is valid", () => {
    expect(parseCase(["[2,7]", "9"], params)).toEqual({ ok: true, args: [[2, 7], 9] });
  });

  it("reports each field's error", () => {
    expect(parseCase(["[2,x]", "9"], params)).toEqual({
      ok: false,
      errors: ["nums: not valid JSON", null],
    });
    expect(parseCase(["[2]"], params)).toEqual({
      ok: false,
      errors: [null, "target: enter a value of type int"],
    });
  });

  it("round-trips fields from arguments", () => {
    expect(parseCase(toFields([[1, 2], 3]), params)).toEqual({ ok: true, args: [[1, 2], 3] });
  });
});
