import { describe, expect, it } from "vitest";
import { highlightTokens, type TokenKind } from "./static-highlight";

const kinds = (code: string, language: "javascript" | "python" | "java") =>
  highlightTokens(code, language)
    .filter((t) => t.kind !== null && t.kind !== "punctuation")
    .map((t) => [t.text, t.kind] as [string, TokenKind]);

describe("highlightTokens", () => {
  it("keeps the text exactly, so the preview has the editor's layout", () => {
    const code = 'function f(a) {\n  // note\n  return a.b + "x\\"y" + 0x1F;\n}\n\t`t ${a}`';
    expect(
      highlightTokens(code, "javascript")
        .map((t) => t.text)
        .join(""),
    ).toBe(code);
  });

  it("colours JavaScript keywords, calls, properties, strings, numbers and comments", () => {
    expect(
      kinds('const seen = new Set(); // seen\nreturn seen.has("a") || 12;', "javascript"),
    ).toEqual([
      ["const", "keyword"],
      ["new", "keyword"],
      ["Set", "type"],
      ["// seen", "comment"],
      ["return", "keyword"],
      ["has", "function"],
      ['"a"', "string"],
      ["12", "number"],
    ]);
  });

  it("reads Python comments, triple-quoted strings and its atoms", () => {
    expect(
      kinds('def f(xs):\n    """Doc # not a comment"""\n    return None  # done', "python"),
    ).toEqual([
      ["def", "keyword"],
      ["f", "function"],
      ['"""Doc # not a comment"""', "string"],
      ["return", "keyword"],
      ["None", "number"],
      ["# done", "comment"],
    ]);
  });

  it("colours Java types", () => {
    expect(kinds("public int[] twoSum(int[] nums) { Map<Integer, Integer> m; }", "java")).toEqual([
      ["public", "keyword"],
      ["int", "keyword"],
      ["twoSum", "function"],
      ["int", "keyword"],
      ["Map", "type"],
      ["Integer", "type"],
      ["Integer", "type"],
    ]);
  });

  it("reads an unterminated comment or string to the end, in linear time", () => {
    const long = "/*" + "a".repeat(200_000);
    const started = performance.now();
    expect(highlightTokens(long, "javascript")).toEqual([{ text: long, kind: "comment" }]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
