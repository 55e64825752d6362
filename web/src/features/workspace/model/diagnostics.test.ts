import { describe, expect, it } from "vitest";
import { diagnosticLocation, diagnosticRange, type Range } from "./diagnostics";

const doc = "class Solution {\n  int f() {\n    return x;\n  }\n}";
const marked = (range: Range | null) => (range ? doc.slice(range.from, range.to) : null);

describe("diagnosticRange", () => {
  it("underlines the word at the line and column", () => {
    expect(marked(diagnosticRange(doc, 3, 12))).toBe("x");
    expect(marked(diagnosticRange(doc, 2, 7))).toBe("f");
  });

  it("underlines one character when no word starts there", () => {
    expect(marked(diagnosticRange(doc, 3, 13))).toBe(";");
  });

  it("underlines the whole line without a usable column", () => {
    expect(marked(diagnosticRange(doc, 3, null))).toBe("    return x;");
    expect(marked(diagnosticRange(doc, 1, 99))).toBe("class Solution {");
  });

  it("clamps lines past the end of the document", () => {
    expect(marked(diagnosticRange(doc, 42, 1))).toBe("}");
  });

  it("marks nothing for a diagnostic whose line is unknown (0), rather than line 1", () => {
    expect(diagnosticRange(doc, 0, 1)).toBeNull();
    expect(diagnosticRange(doc, 0, null)).toBeNull();
    expect(diagnosticRange(doc, -1, 3)).toBeNull();
  });
});

describe("diagnosticLocation", () => {
  it("names the line and column when known, and nothing for line 0", () => {
    expect(diagnosticLocation({ line: 3, column: 12 })).toBe("line 3:12");
    expect(diagnosticLocation({ line: 3, column: null })).toBe("line 3");
    expect(diagnosticLocation({ line: 3, column: 0 })).toBe("line 3");
    expect(diagnosticLocation({ line: 0, column: 0 })).toBeNull();
    expect(diagnosticLocation({ line: 0, column: 5 })).toBeNull();
  });
});
