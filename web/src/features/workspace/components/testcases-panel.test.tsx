import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { lruCacheSignature, signatureOf } from "../../../lib/value-type-fixtures";
import { TestcasesPanel } from "./testcases-panel";

afterEach(cleanup);

const props = {
  signature: signatureOf({
    function: "f",
    params: [{ name: "s", type: "string" }],
    returns: "int",
  }),
  publicTests: Array.from({ length: 6 }, (_, i) => ({ args: [`case ${i}`], expected: i })),
  cases: [{ id: "a", fields: ["no quotes"] }],
  errors: { a: ['s: not valid JSON (strings need double quotes, e.g. "no quotes")'] },
  onAdd: () => {},
  onChange: () => {},
  onRemove: () => {},
  onRunCustom: () => {},
  running: false,
};

describe("TestcasesPanel", () => {
  it("says why a run was refused before anything else, above the public tests", () => {
    const { container } = render(
      <TestcasesPanel {...props} refusal="Some of your cases are not valid." />,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe("Some of your cases are not valid.");
    expect(container.firstElementChild!.firstElementChild).toBe(alert);
    expect(screen.getByLabelText(/^s/).getAttribute("aria-invalid")).toBe("true");
  });

  it("shows no alert while nothing was refused", () => {
    render(<TestcasesPanel {...props} errors={{}} />);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows public tests as their types: a list with arrows, a tree drawn", () => {
    render(
      <TestcasesPanel
        {...props}
        signature={signatureOf({
          function: "f",
          params: [
            { name: "head", type: "ListNode" },
            { name: "root", type: "TreeNode" },
          ],
          returns: "bigint",
        })}
        publicTests={[
          {
            args: [
              [1, 2],
              [3, null, 4],
            ],
            expected: "98765432109876543210",
          },
        ]}
        cases={[]}
        errors={{}}
      />,
    );
    const test = screen.getByTestId("public-test");
    expect(within(test).getByText("head =")).toBeTruthy();
    expect(within(test).getByTestId("list-value").textContent).toBe("linked list: 1 → , 2");
    expect(within(test).getByRole("img", { name: "Drawing of a tree with 2 nodes" })).toBeTruthy();
    expect(test.textContent).toContain("98765432109876543210");
    expect(test.textContent).not.toContain('"98765432109876543210"');
  });

  it("shows a design problem's public test as calls, and its editor as calls and arguments", () => {
    render(
      <TestcasesPanel
        {...props}
        signature={lruCacheSignature()}
        publicTests={[
          {
            args: [
              ["LRUCache", "put", "get"],
              [[2], [1, 1], [1]],
            ],
            expected: [null, null, 1],
          },
        ]}
        cases={[{ id: "a", fields: ['["LRUCache"]', "[[2]]"] }]}
        errors={{ a: [null, "args[1]: put takes 2 arguments (key, value), got 1"] }}
      />,
    );
    const table = screen.getByRole("table", { name: "Calls of public test 1" });
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["LRUCache(2)", "put(1, 1)", "get(1)"]);
    expect(screen.getByLabelText("ops (method names, LRUCache first)")).toBeTruthy();
    const args = screen.getByLabelText("args (one argument list per call)");
    expect(args.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(args.getAttribute("aria-describedby")!)!.textContent).toBe(
      "args[1]: put takes 2 arguments (key, value), got 1",
    );
  });
});
