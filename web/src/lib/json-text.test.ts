import { describe, expect, it } from "vitest";
import { isIntegerToken, parseJsonText } from "./json-text";

describe("parseJsonText", () => {
  it("reads what JSON.parse reads", () => {
    for (const text of [
      '{"a":[1,-2.5e3,true,false,null,"x\\n\\u00e9"]}',
      "[]",
      "{}",
      ' "s" ',
      "0",
    ]) {
      expect(parseJsonText(text)).not.toBeNull();
    }
    expect(parseJsonText('["\\u00e9"]')).toEqual({
      kind: "array",
      items: [{ kind: "string", value: "é" }],
    });
  });

  it("keeps a number's text, so digits past 2^53 and 3.0 survive", () => {
    expect(parseJsonText("12345678901234567890")).toEqual({
      kind: "number",
      text: "12345678901234567890",
      value: 12345678901234567000,
    });
    expect(parseJsonText("3.0")).toMatchObject({ text: "3.0", value: 3 });
  });

  it("keeps duplicate keys", () => {
    expect(parseJsonText('{"a":1,"a":2}')).toMatchObject({
      entries: [
        ["a", { value: 1 }],
        ["a", { value: 2 }],
      ],
    });
  });

  it("refuses what is not JSON", () => {
    for (const text of [
      "",
      "[1,",
      "[1,]",
      "01",
      "+1",
      ".5",
      "'a'",
      '"a',
      "[1] 2",
      "nul",
      "{a:1}",
      "NaN",
    ]) {
      expect(parseJsonText(text), text).toBeNull();
    }
    expect(parseJsonText("[".repeat(100) + "]".repeat(100))).toBeNull();
  });
});

describe("isIntegerToken", () => {
  it("is an integer as written", () => {
    expect(isIntegerToken("-12")).toBe(true);
    expect(isIntegerToken("3.0")).toBe(false);
    expect(isIntegerToken("1e2")).toBe(false);
  });
});
