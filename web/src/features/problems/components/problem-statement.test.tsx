import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadMarkdownRenderer } from "../../../components/ui/markdown-loader";
import { lruCacheSignature, signatureOf } from "../../../lib/value-type-fixtures";
import type { Problem } from "../api/problem";
import { ProblemStatement } from "./problem-statement";

const problem: Problem = {
  id: "demo",
  version: 1,
  title: "Demo Problem",
  category: "arrays-hashing",
  difficulty: "easy",
  tags: ["hash-map"],
  estimatedMinutes: 15,
  statement:
    'Find **two** numbers.<script>window.pwned = true</script><img src=x onerror="alert(1)">',
  constraints: ["`2 <= n`"],
  signature: signatureOf({
    function: "f",
    params: [{ name: "nums", type: "int[]" }],
    returns: "int",
  }),
  examples: [{ args: [[1, 2]], output: 3, explanation: "1 + 2" }],
  publicTests: [{ args: [[1, 2]], expected: 3 }],
  hintCount: 2,
  hiddenTestCount: 10,
  starterCode: { javascript: "", python: "", java: "" },
};

// The markdown renderer is a chunk of its own; loaded first, the statement renders at once.
beforeAll(() => loadMarkdownRenderer());
afterEach(cleanup);

describe("ProblemStatement", () => {
  it("renders markdown, examples and constraints", () => {
    render(<ProblemStatement problem={problem} />);
    expect(screen.getByRole("heading", { name: "Demo Problem" })).toBeTruthy();
    expect(screen.getByText("two").tagName).toBe("STRONG");
    expect(screen.getByText("nums = [1,2]")).toBeTruthy();
    expect(screen.getByText("2 <= n").tagName).toBe("CODE");
  });

  it("never renders raw HTML from the statement", () => {
    const { container } = render(<ProblemStatement problem={problem} />);
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("img[onerror]")).toBeNull();
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it("renders statements built to crash or stall the renderer, and no link off the site", () => {
    const hostile: Problem = {
      ...problem,
      // As long as a statement may be (20000 characters).
      statement: [
        "> ".repeat(2500) + "deep",
        "x" + "**".repeat(4000),
        "x" + " _".repeat(2500),
        "[a](//evil.example) [b](/\\evil.example) [c](JaVaScRiPt:alert(1)) [d](/%5Cevil.example)",
      ].join("\n\n"),
      constraints: ["**".repeat(5000) + "n" + "**".repeat(5000)],
    };
    const { container } = render(<ProblemStatement problem={hostile} />);
    expect(screen.getByRole("heading", { name: "Demo Problem" })).toBeTruthy();
    const statement = screen.getByRole("region", { name: "Statement" });
    expect(statement.querySelectorAll("blockquote").length).toBeGreaterThan(1);
    expect(screen.getByText("deep").tagName).toBe("P");
    expect(statement.textContent).toContain("x" + "**".repeat(4000));
    expect(container.querySelectorAll("a[href]")).toHaveLength(0);
    expect(container.textContent).not.toMatch(/could not be displayed|Maximum call stack/);
  });

  it("shows examples as their types: a tree drawn, a list with arrows", () => {
    render(
      <ProblemStatement
        problem={{
          ...problem,
          signature: signatureOf({
            function: "flatten",
            params: [{ name: "root", type: "TreeNode" }],
            returns: "ListNode",
          }),
          examples: [{ args: [[1, 2, 5]], output: [1, 2, 5] }],
        }}
      />,
    );
    const example = screen.getAllByRole("figure")[0]!;
    expect(
      within(example).getByRole("img", { name: "Drawing of a tree with 3 nodes" }),
    ).toBeTruthy();
    expect(within(example).getByTestId("list-value").textContent).toBe(
      "linked list: 1 → , 2 → , 5",
    );
  });

  it("shows a design example as its calls with each call's output", () => {
    render(
      <ProblemStatement
        problem={{
          ...problem,
          signature: lruCacheSignature(),
          examples: [
            {
              args: [
                ["LRUCache", "put", "get"],
                [[2], [1, 1], [1]],
              ],
              output: [null, null, 1],
            },
          ],
        }}
      />,
    );
    const table = screen.getByRole("table", { name: "Calls of example 1" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["#", "Call", "Output"]);
    expect(within(table).getAllByRole("row")[3]!.textContent).toBe("3get(1)1");
  });
});
