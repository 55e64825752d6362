import { describe, expect, it } from "vitest";
import { diagnosticRange } from "./diagnostics";

const doc = "class Solution {\n  int f() {\n    return x;\n  }\n}";

describe("diagnosticRange", () => {
  it("underlines the word at the line and column", () => {
    const range = diagnosticRange(doc, 3, 12);
    expect(doc.slice(range.from, range.to)).toBe("x");
    const word = diagnosticRange(doc, 2, 7);
    expect(doc.slice(word.from, word.to)).toBe("f");
  });

  it("underlines one character when no word starts there", () => {
    const range = diagnosticRange(doc, 3, 13);
    expect(doc.slice(range.from, range.to)).toBe(";");
  });

  it("underlines the whole line without a usable column", () => {
    const range = diagnosticRange(doc, 3, null);
    expect(doc.slice(range.from, range.to)).toBe("    return x;");
    const past = diagnosticRange(doc, 1, 99);
    expect(doc.slice(past.from, past.to)).toBe("class Solution {");
  });

  it("clamps lines outside the document", () => {
    expect(doc.slice(...Object.values(diagnosticRange(doc, 42, 1)))).toBe("}");
    expect(diagnosticRange(doc, 0, 1).from).toBe(0);
  });
});
