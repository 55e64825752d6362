import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, UnexpectedResponseError } from "../../../lib/api-client";
import { lruCacheSignature, signatureOf } from "../../../lib/value-type-fixtures";
import { ResultsPanel, type RunOutcome } from "./results-panel";

afterEach(cleanup);

const base = { stdout: null, stderr: null, message: null, timeMillis: 3 };

const outcome: RunOutcome = {
  custom: false,
  report: {
    verdict: "WRONG_ANSWER",
    wallMillis: 120,
    diagnostics: [],
    tests: [
      {
        ...base,
        index: 0,
        kind: "public",
        verdict: "PASSED",
        args: [[1, 2], 3],
        expected: [0, 1],
        actual: [0, 1],
      },
      {
        ...base,
        index: 1,
        kind: "public",
        verdict: "WRONG_ANSWER",
        args: [[4, 5, 6], 11],
        expected: [1, 2],
        actual: [1, 3],
        stdout: "debug line\n",
        stdoutTruncated: true,
      },
    ],
  },
};

const props = {
  pending: false,
  pendingCount: 0,
  error: null,
  signature: signatureOf({
    function: "f",
    params: [
      { name: "nums", type: "int[]" },
      { name: "target", type: "int" },
    ],
    returns: "int[]",
  }),
  comparison: { mode: "exact" as const },
  shortcut: "Ctrl Enter",
};

describe("ResultsPanel", () => {
  it("shows the overall verdict, the count that passed, a tab per case and the first failure", () => {
    render(<ResultsPanel {...props} outcome={outcome} />);
    expect(screen.getByTestId("overall-verdict").textContent).toBe("Wrong answer");
    expect(screen.getByText("1 of 2 public tests passed")).toBeTruthy();
    const tabs = within(screen.getByRole("tablist", { name: "Test results" })).getAllByRole("tab");
    expect(tabs.map((t) => t.textContent)).toEqual(["Test 1, passed", "Test 2, wrong answer"]);
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["false", "true"]);
    // One case's details at a time, so the summary and the failure fit at the default split.
    expect(screen.getAllByRole("article")).toHaveLength(1);
    expect(screen.getByRole("article", { name: "Test 2" })).toBeTruthy();
  });

  it("shows another case when its tab is chosen, by click or arrow key", () => {
    render(<ResultsPanel {...props} outcome={outcome} />);
    fireEvent.click(screen.getByRole("tab", { name: /Test 1/ }));
    const card = screen.getByRole("article", { name: "Test 1" });
    expect(within(card).getByText("Passed")).toBeTruthy();
    expect(screen.queryByRole("article", { name: "Test 2" })).toBeNull();
    fireEvent.keyDown(screen.getByRole("tab", { name: /Test 1/ }), { key: "ArrowRight" });
    expect(screen.getByRole("article", { name: "Test 2" })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: /Test 2/ }));
  });

  it("says a passing run passed its public tests, not that it was accepted", () => {
    const passing: RunOutcome = {
      custom: false,
      report: {
        verdict: "PASSED",
        diagnostics: [],
        tests: [0, 1, 2].map((index) => ({
          ...base,
          index,
          kind: "public" as const,
          verdict: "PASSED" as const,
          args: [[index], index],
          expected: index,
          actual: index,
        })),
      },
    };
    render(<ResultsPanel {...props} outcome={passing} />);
    expect(screen.getByTestId("overall-verdict").textContent).toBe("All 3 public tests passed");
    expect(screen.queryByText(/Accepted/)).toBeNull();
    expect(document.querySelectorAll('[role="tab"][data-verdict="PASSED"]')).toHaveLength(3);
    expect(screen.getByRole("article", { name: "Test 1" })).toBeTruthy();
  });

  it("marks where the output differs and shows stdout", () => {
    render(<ResultsPanel {...props} outcome={outcome} />);
    const card = screen.getByRole("article", { name: "Test 2" });
    expect(within(card).getByText("nums = [4,5,6], target = 11")).toBeTruthy();
    const marks = card.querySelectorAll("mark");
    expect([...marks].map((m) => m.textContent)).toEqual(["(expected: 2)", "(differs: 3)"]);
    expect(within(card).getByText("debug line")).toBeTruthy();
    expect(within(card).getByText("Output truncated by the sandbox.")).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: /Test 1/ }));
    expect(screen.getByRole("article", { name: "Test 1" }).querySelectorAll("mark")).toHaveLength(
      0,
    );
  });

  it("marks a result for code that has changed since it ran", () => {
    const { rerender } = render(<ResultsPanel {...props} outcome={outcome} />);
    expect(screen.queryByTestId("stale-result")).toBeNull();
    rerender(<ResultsPanel {...props} outcome={outcome} stale />);
    expect(screen.getByTestId("stale-result").textContent).toMatch(
      /^Result for an earlier version of this code/,
    );
  });

  it("puts a refused run's reason at the top, in place of results", () => {
    render(
      <ResultsPanel
        {...props}
        outcome={outcome}
        error={new ApiError(400, "customTests[0].args[1]: not an int")}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("The run was not accepted");
    expect(alert.textContent).toContain("customTests[0].args[1]: not an int");
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  it("shows a shortened argument and output as previews with a notice, never as null", () => {
    const preview = "[" + "1,".repeat(511);
    const shortenedOutcome: RunOutcome = {
      custom: false,
      report: {
        verdict: "WRONG_ANSWER",
        diagnostics: [],
        tests: [
          {
            ...base,
            index: 0,
            kind: "public",
            verdict: "WRONG_ANSWER",
            args: [null, 3],
            expected: [0, 1],
            actual: null,
            shortened: {
              "args[0]": { bytes: 60002, preview: '"((((((' },
              actual: { bytes: 3 * 1024 * 1024, preview },
            },
          },
        ],
      },
    };
    render(<ResultsPanel {...props} outcome={shortenedOutcome} />);
    const card = screen.getByRole("article", { name: "Test 1" });
    expect(within(card).getByText('"((((((')).toBeTruthy();
    expect(
      within(card).getByText("… shortened: 58.6 KB in all, the first 7 bytes shown"),
    ).toBeTruthy();
    expect(within(card).getByText(preview)).toBeTruthy();
    expect(within(card).getByText("… shortened: 3 MB in all, the first 1 KB shown")).toBeTruthy();
    expect(within(card).getByText("[0,1]")).toBeTruthy();
    expect(card.textContent).toContain("target = 3");
    expect(card.textContent).not.toContain("null");
    expect(card.textContent).not.toContain("no value returned");
    expect(card.querySelectorAll("mark")).toHaveLength(0);
  });

  it("shows the CPU time next to the wall time", () => {
    const timed: RunOutcome = {
      custom: false,
      report: {
        verdict: "PASSED",
        diagnostics: [],
        tests: [
          {
            ...base,
            index: 0,
            kind: "public",
            verdict: "PASSED",
            args: [[1], 1],
            expected: 1,
            actual: 1,
            timeMillis: 12,
            cpuMillis: 9,
          },
        ],
      },
    };
    render(<ResultsPanel {...props} outcome={timed} />);
    const card = screen.getByRole("article", { name: "Test 1" });
    expect(within(card).getByText("12 ms · 9.0 ms CPU")).toBeTruthy();
  });

  it("shows a fast test's CPU time to the microsecond, and its wall time as under 1 ms", () => {
    const fast: RunOutcome = {
      custom: false,
      report: {
        verdict: "PASSED",
        diagnostics: [],
        tests: [
          {
            ...base,
            index: 0,
            kind: "public",
            verdict: "PASSED",
            args: [[1], 1],
            expected: 1,
            actual: 1,
            timeMillis: 0,
            cpuMillis: 0.042,
          },
        ],
      },
    };
    render(<ResultsPanel {...props} outcome={fast} />);
    const card = screen.getByRole("article", { name: "Test 1" });
    expect(within(card).getByText("<1 ms · 0.042 ms CPU")).toBeTruthy();
    expect(card.textContent).not.toContain(" 0 ms");
  });

  it("says which limit a test hit, from the server's message", () => {
    const message = "Used 2104 ms of CPU time; the limit is 2000 ms per test.";
    const slow: RunOutcome = {
      custom: false,
      report: {
        verdict: "TIME_LIMIT_EXCEEDED",
        diagnostics: [],
        tests: [
          {
            ...base,
            index: 0,
            kind: "public",
            verdict: "TIME_LIMIT_EXCEEDED",
            args: [[1], 1],
            expected: 1,
            message,
          },
        ],
      },
    };
    render(<ResultsPanel {...props} outcome={slow} />);
    const card = screen.getByRole("article", { name: "Test 1" });
    expect(within(card).getByTestId("limit-message").textContent).toBe(message);
    // Said once, where it is seen first, not again as a generic message.
    expect(within(card).getAllByText(message)).toHaveLength(1);
  });

  it("shows progress while running, without the previous results", () => {
    render(<ResultsPanel {...props} pending pendingCount={4} outcome={outcome} />);
    expect(screen.getByText("Running 4 tests in the sandbox…")).toBeTruthy();
    expect(screen.queryByRole("article")).toBeNull();
  });

  it("explains a busy sandbox", () => {
    render(
      <ResultsPanel
        {...props}
        outcome={null}
        error={new ApiError(503, "All sandboxes are busy.", undefined, 2)}
      />,
    );
    expect(screen.getByRole("alert").textContent).toContain("The sandbox is busy");
    expect(screen.getByRole("alert").textContent).toContain("Try again in 2 s.");
  });

  it("says plainly when the server's answer cannot be shown", () => {
    const error = new UnexpectedResponseError("/api/runs", '.verdict is "SANDBOX_LOST"');
    render(<ResultsPanel {...props} outcome={null} error={error} />);
    expect(screen.getByRole("alert").textContent).toContain(
      "This page cannot show the run's result",
    );
    expect(screen.getByRole("alert").textContent).toContain("SANDBOX_LOST");
  });

  it("says a completed custom case ran", () => {
    const completed: RunOutcome = {
      custom: true,
      report: {
        verdict: "COMPLETED",
        diagnostics: [],
        tests: [
          { ...base, index: 0, kind: "custom", verdict: "COMPLETED", args: [[1], 1], actual: 0 },
        ],
      },
    };
    render(<ResultsPanel {...props} outcome={completed} />);
    expect(screen.getByTestId("overall-verdict").textContent).toBe("Your test ran");
    expect(screen.getByRole("article", { name: "Custom case 1" }).textContent).toContain(
      "Completed",
    );
  });

  it("shows the tests a compile error stopped as one line", () => {
    const compileError: RunOutcome = {
      custom: false,
      report: {
        verdict: "COMPILE_ERROR",
        diagnostics: [{ line: 3, column: 12, message: "cannot find symbol" }],
        tests: [0, 1, 2, 3, 4].map((index) => ({
          ...base,
          index,
          kind: "public" as const,
          verdict: "NOT_RUN" as const,
          args: [[index], index],
          message: "The code did not compile.",
        })),
      },
    };
    render(<ResultsPanel {...props} outcome={compileError} />);
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(screen.queryByRole("article")).toBeNull();
    expect(screen.getByText("Tests 1–5 not run: the code did not compile")).toBeTruthy();
    expect(screen.getByText("None of the 5 public tests ran")).toBeTruthy();
  });

  it("says which test ended the run when later ones did not run", () => {
    const stopped: RunOutcome = {
      custom: false,
      report: {
        verdict: "TIME_LIMIT_EXCEEDED",
        diagnostics: [],
        tests: [
          { ...base, index: 0, kind: "public", verdict: "TIME_LIMIT_EXCEEDED", args: [[1], 1] },
          { ...base, index: 1, kind: "public", verdict: "NOT_RUN", args: [[2], 2] },
        ],
      },
    };
    render(<ResultsPanel {...props} outcome={stopped} />);
    expect(screen.getByRole("article", { name: "Test 1" })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: /Test 2/ }));
    expect(screen.getByText("Test 2 not run: test 1 ended the run")).toBeTruthy();
  });

  it("shows a repeated error once in full and folds the repeats", () => {
    const trace = "TypeError: nums is undefined\n    at twoSum (solution.js:2:10)";
    const failing: RunOutcome = {
      custom: false,
      report: {
        verdict: "RUNTIME_ERROR",
        diagnostics: [],
        tests: [0, 1, 2].map((index) => ({
          ...base,
          index,
          kind: "public" as const,
          verdict: "RUNTIME_ERROR" as const,
          args: [[index], index],
          expected: index,
          message: trace,
        })),
      },
    };
    render(<ResultsPanel {...props} outcome={failing} />);
    const first = screen.getByRole("article", { name: "Test 1" });
    expect(first.querySelector("details")).toBeNull();
    expect(first.textContent).toContain("at twoSum");
    for (const name of ["Test 2", "Test 3"]) {
      fireEvent.click(screen.getByRole("tab", { name: new RegExp(name) }));
      const details = screen.getByRole("article", { name }).querySelector("details")!;
      expect(details.open).toBe(false);
      expect(details.querySelector("summary")!.textContent).toBe("Same error as test 1");
    }
  });

  it("lists a diagnostic without a known line by its message alone, never as line 0", () => {
    const compileError: RunOutcome = {
      custom: false,
      report: {
        verdict: "COMPILE_ERROR",
        diagnostics: [
          { line: 0, column: 0, message: "class Solution is public, should be declared in a file" },
          { line: 3, column: 12, message: "cannot find symbol" },
        ],
        tests: [],
      },
    };
    render(<ResultsPanel {...props} outcome={compileError} />);
    const items = within(screen.getByRole("list", { name: "Diagnostics" })).getAllByRole(
      "listitem",
    );
    expect(items.map((item) => item.textContent)).toEqual([
      "class Solution is public, should be declared in a file",
      "line 3:12 cannot find symbol",
    ]);
  });
});

const single = (
  test: Partial<RunOutcome["report"]["tests"][number]>,
  verdict: "WRONG_ANSWER" | "PASSED" = "WRONG_ANSWER",
): RunOutcome => ({
  custom: false,
  report: {
    verdict,
    diagnostics: [],
    tests: [{ ...base, index: 0, kind: "public", verdict, args: [], ...test }],
  },
});
const fn = (params: [string, string][], returns: string) =>
  signatureOf({
    function: "f",
    params: params.map(([name, type]) => ({ name, type })),
    returns,
  });
const marks = (root: Element) => [...root.querySelectorAll("mark")].map((m) => m.textContent);

describe("ResultsPanel with the interview types", () => {
  it("shows lists with arrows and marks the differing positions", () => {
    render(
      <ResultsPanel
        {...props}
        signature={fn([["head", "ListNode"]], "ListNode")}
        outcome={single({ args: [[1, 2, 3]], expected: [3, 2, 1], actual: [3, 1] })}
      />,
    );
    const card = screen.getByRole("article", { name: "Test 1" });
    expect(within(card).getByText("head = 1 → 2 → 3")).toBeTruthy();
    expect(marks(within(card).getByTestId("expected-value"))).toEqual([
      "(expected: 2)",
      "(missing from output: 1)",
    ]);
    expect(marks(within(card).getByTestId("actual-value"))).toEqual(["(differs: 1)"]);
  });

  it("draws both trees and marks the differing nodes, in the drawing and the array", () => {
    render(
      <ResultsPanel
        {...props}
        signature={fn([["root", "TreeNode"]], "TreeNode")}
        outcome={single({ args: [[2, 1, 3]], expected: [2, 1, 3], actual: [2, 3] })}
      />,
    );
    const card = screen.getByRole("article", { name: "Test 1" });
    const expected = within(card).getByTestId("expected-value");
    const actual = within(card).getByTestId("actual-value");
    expect(within(expected).getByRole("img").getAttribute("aria-label")).toBe(
      "Drawing of a tree with 3 nodes, 2 marked",
    );
    expect(
      [...expected.querySelectorAll("g[data-mark]")].map((g) => [
        g.textContent,
        g.getAttribute("data-mark"),
      ]),
    ).toEqual([
      ["1", "differs"],
      ["3", "only"],
    ]);
    expect(marks(expected)).toEqual(["(expected: 1)", "(missing from output: 3)"]);
    expect(marks(actual)).toEqual(["(differs: 3)"]);
    // The input is drawn too, unmarked.
    expect(within(card).getAllByRole("img")).toHaveLength(3);
  });

  it("shows a missing child as an empty dashed node where the other side has one", () => {
    render(
      <ResultsPanel
        {...props}
        signature={fn([["root", "TreeNode"]], "TreeNode")}
        outcome={single({ args: [[1]], expected: [1, null, 2], actual: [1, 3, 2] })}
      />,
    );
    const expected = within(screen.getByRole("article")).getByTestId("expected-value");
    const ghost = expected.querySelector("g[data-ghost]")!;
    expect(ghost.textContent).toBe("∅");
    expect(marks(expected)).toEqual(["(expected: null)"]);
  });

  it("shows maps as rows and marks the differing and one-sided keys", () => {
    render(
      <ResultsPanel
        {...props}
        signature={fn([["words", "string[]"]], "map<string, int>")}
        outcome={single({ args: [["a"]], expected: { a: 1, b: 2 }, actual: { b: 3, a: 1, c: 1 } })}
      />,
    );
    const actual = within(screen.getByRole("article")).getByTestId("actual-value");
    expect(marks(actual)).toEqual(['(differs: "b")', "(differs: 3)", '(extra: "c")']);
    expect(within(actual).getByTestId("map-value").textContent).toContain('"a":1');
  });

  it("marks nothing in mode checker, for a tree as for anything", () => {
    render(
      <ResultsPanel
        {...props}
        comparison={{ mode: "checker" }}
        signature={fn([["root", "TreeNode"]], "TreeNode")}
        outcome={single({ args: [[1]], expected: [1, 2], actual: [1, null, 2] }, "PASSED")}
      />,
    );
    const card = screen.getByRole("article");
    expect(card.querySelectorAll("mark, g[data-mark]")).toHaveLength(0);
  });

  it("shows a null return as null where the type allows it, not as a missing value", () => {
    render(
      <ResultsPanel
        {...props}
        signature={fn([["nums", "int[]"]], "int?")}
        outcome={single({ args: [[]], expected: null, actual: 0 })}
      />,
    );
    const card = screen.getByRole("article");
    expect(within(card).getByTestId("expected-value").textContent).toBe("(expected: null)");
    expect(card.textContent).not.toContain("not available");
  });

  it("shows a design test as a table of calls, the first differing call stated", () => {
    render(
      <ResultsPanel
        {...props}
        signature={lruCacheSignature()}
        outcome={single({
          args: [
            ["LRUCache", "put", "put", "get", "get"],
            [[2], [1, 1], [2, 2], [1], [2]],
          ],
          expected: [null, null, null, 1, 2],
          actual: [null, null, null, -1, 2],
        })}
      />,
    );
    const card = screen.getByRole("article", { name: "Test 1" });
    expect(within(card).getByTestId("first-difference").textContent).toBe(
      "Call 4, get(1): expected 1, got -1",
    );
    const table = within(card).getByRole("table", { name: "Calls of test 1" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual([
      "LRUCache(2)",
      "put(1, 1)",
      "put(2, 2)",
      "get(1)",
      "get(2)",
    ]);
    expect(rows.map((row) => row.getAttribute("data-differs"))).toEqual([
      null,
      null,
      null,
      "true",
      null,
    ]);
    expect(rows[3]!.textContent).toBe("4, differsget(1)(expected: 1)(differs: -1)");
    expect(rows[0]!.textContent).toBe("1LRUCache(2)—no value—no value");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["#", "Call", "Expected", "Output"]);
  });

  it("shows a design test that threw without an output column, and a shortened one as previews", () => {
    const { unmount } = render(
      <ResultsPanel
        {...props}
        signature={lruCacheSignature()}
        outcome={{
          custom: false,
          report: {
            verdict: "RUNTIME_ERROR",
            diagnostics: [],
            tests: [
              {
                ...base,
                index: 0,
                kind: "public",
                verdict: "RUNTIME_ERROR",
                args: [
                  ["LRUCache", "get"],
                  [[1], [1]],
                ],
                expected: [null, -1],
                message: "NullPointerException",
              },
            ],
          },
        }}
      />,
    );
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("columnheader")).toHaveLength(3);
    expect(screen.queryByTestId("first-difference")).toBeNull();
    unmount();
    render(
      <ResultsPanel
        {...props}
        signature={lruCacheSignature()}
        outcome={single({
          args: [["LRUCache"], null],
          expected: [null],
          actual: [null],
          shortened: { "args[1]": { bytes: 5000, preview: "[[1],[2" } },
        })}
      />,
    );
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByText("[[1],[2")).toBeTruthy();
  });
});
