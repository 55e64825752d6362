import { describe, expect, it } from "vitest";
import {
  MAX_BRACKETS,
  MAX_CONTAINER_DEPTH,
  MAX_EMPHASIS_MARKERS,
  MAX_EMPHASIS_RUNS,
  MAX_LINES,
  MAX_MARKDOWN_LENGTH,
  MAX_PIPES,
  emphasisRuns,
  planMarkdown,
} from "./markdown-limits";

const statement = [
  "# Two Sum",
  "Given `nums` and `target`, return **the indices** of the two numbers that add up to *target*.",
  "| n | answer |\n| - | - |\n| 2 | [0, 1] |",
  "> Each input has exactly one solution; see [the guide](/guide).",
  "1. read\n   - then `nums[i]`\n2. ~~guess~~ return",
  "- [x] 2 <= n <= 10^5",
].join("\n\n");

describe("planMarkdown", () => {
  it("reads ordinary problem text in full, unchanged", () => {
    expect(planMarkdown(statement)).toEqual({ source: statement, disable: [], plain: false });
  });

  it("drops container markers deeper than the cap on a line, keeping the text", () => {
    const plan = planMarkdown("> ".repeat(5000) + "deep\n\n- - 1. > ok");
    const [first, , last] = plan.source.split("\n");
    expect(first).toBe("> ".repeat(MAX_CONTAINER_DEPTH) + "deep");
    expect(last).toBe("- - 1. > ok");
    expect(planMarkdown("- ".repeat(40) + "x").source).toBe("- ".repeat(MAX_CONTAINER_DEPTH) + "x");
    expect(planMarkdown("1) ".repeat(40) + "x").source).toBe(
      "1) ".repeat(MAX_CONTAINER_DEPTH) + "x",
    );
    const depth = "> ".repeat(MAX_CONTAINER_DEPTH) + "at the cap";
    expect(planMarkdown(depth).source).toBe(depth);
  });

  it("leaves emphasis unread past its bound", () => {
    const many = "**a** ".repeat(MAX_EMPHASIS_MARKERS / 4 + 1);
    expect(planMarkdown(many).disable).toEqual(["attention", "strikethrough"]);
    expect(planMarkdown("**a** ".repeat(MAX_EMPHASIS_MARKERS / 4)).disable).toEqual([]);
    expect(planMarkdown("**".repeat(2000) + "x" + "**".repeat(2000)).disable).toContain(
      "attention",
    );
    expect(planMarkdown("x" + " _".repeat(MAX_EMPHASIS_RUNS + 1)).disable).toContain("attention");
  });

  it("leaves links, images and footnotes unread past its bound on brackets", () => {
    expect(planMarkdown("[x](".repeat(MAX_BRACKETS + 1)).disable).toEqual([
      "labelStartLink",
      "labelStartImage",
      "gfmFootnoteCall",
      "gfmPotentialFootnoteCall",
      "gfmFootnoteDefinition",
    ]);
    expect(planMarkdown("[x](/y) ".repeat(MAX_BRACKETS)).disable).toEqual([]);
  });

  it("leaves tables unread past its bound on cells", () => {
    const wide = "|a".repeat(MAX_PIPES) + "|\n" + "|-".repeat(10) + "|";
    expect(planMarkdown(wide).disable).toEqual(["table"]);
  });

  it("reads nothing of text longer, or of more lines, than a problem field has", () => {
    expect(planMarkdown("a".repeat(MAX_MARKDOWN_LENGTH + 1)).plain).toBe(true);
    expect(planMarkdown("a".repeat(MAX_MARKDOWN_LENGTH)).plain).toBe(false);
    expect(planMarkdown("a\n=\n".repeat(MAX_LINES / 2 + 1)).plain).toBe(true);
    expect(planMarkdown("a\n".repeat(MAX_LINES - 1)).plain).toBe(false);
  });

  it("takes time linear in the text", () => {
    // A quadratic pass would take 64 times as long for 8 times the text; a linear one about 8.
    const text = (n: number) => ["> ".repeat(n), "*a_ ".repeat(n), "[x](".repeat(n)].join("\n");
    const perCall = (source: string) => {
      planMarkdown(source);
      let calls = 0;
      const start = performance.now();
      while (performance.now() - start < 50) {
        planMarkdown(source);
        calls++;
      }
      return (performance.now() - start) / calls;
    };
    expect(perCall(text(1600)) / perCall(text(200))).toBeLessThan(24);
  });
});

describe("emphasisRuns", () => {
  it("counts the characters of runs that may open or close, as CommonMark's flanking rules say", () => {
    expect(emphasisRuns("**bold** and *em* and ~~gone~~")).toEqual({ runs: 6, markers: 10 });
    // Alone between spaces, or `_` inside a word: runs, but no markers.
    expect(emphasisRuns("a * b _ c snake_case_name")).toEqual({ runs: 4, markers: 0 });
    expect(emphasisRuns("**".repeat(100))).toEqual({ runs: 1, markers: 0 });
    expect(emphasisRuns("x" + "**".repeat(100))).toEqual({ runs: 1, markers: 200 });
  });
});
