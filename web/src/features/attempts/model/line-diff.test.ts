import { describe, expect, it } from "vitest";
import { diffStats, lineDiff } from "./line-diff";

const ops = (before: string, after: string) =>
  lineDiff(before, after).map(
    (l) => `${l.op === "same" ? " " : l.op === "add" ? "+" : "-"}${l.text}`,
  );

describe("lineDiff", () => {
  it("finds nothing between equal texts", () => {
    const diff = lineDiff("a\nb\n", "a\nb");
    expect(diffStats(diff)).toEqual({ added: 0, removed: 0 });
    expect(diff).toEqual([
      { op: "same", text: "a", oldLine: 1, newLine: 1 },
      { op: "same", text: "b", oldLine: 2, newLine: 2 },
    ]);
  });

  it("shows a changed line as removed then added, with both line numbers", () => {
    const diff = lineDiff("def f(x):\n    return x\n", "def f(x):\n    return x + 1\n");
    expect(diff).toEqual([
      { op: "same", text: "def f(x):", oldLine: 1, newLine: 1 },
      { op: "del", text: "    return x", oldLine: 2 },
      { op: "add", text: "    return x + 1", newLine: 2 },
    ]);
  });

  it("keeps the longest common lines around insertions and deletions", () => {
    expect(ops("a\nb\nc\nd\ne", "a\nc\nd\nx\ne")).toEqual([" a", "-b", " c", " d", "+x", " e"]);
  });

  it("handles empty sides and Windows line ends", () => {
    expect(ops("", "a\nb")).toEqual(["+a", "+b"]);
    expect(ops("a\r\nb\r\n", "")).toEqual(["-a", "-b"]);
    expect(ops("a\r\nb", "a\nb")).toEqual([" a", " b"]);
  });

  it("numbers the common tail by each side's own lines", () => {
    const diff = lineDiff("x\ny\nend", "x\nnew\ny\nend");
    expect(diff.at(-1)).toEqual({ op: "same", text: "end", oldLine: 3, newLine: 4 });
    expect(diffStats(diff)).toEqual({ added: 1, removed: 0 });
  });

  it("diffs a few thousand lines quickly", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join("\n");
    const after = before.replace("line 1500", "changed").replace("line 10\n", "");
    const started = performance.now();
    const stats = diffStats(lineDiff(before, after));
    expect(stats).toEqual({ added: 1, removed: 2 });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
