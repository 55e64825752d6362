import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signatureOf } from "../../../lib/value-type-fixtures";
import { Workspace, type WorkspaceProblem } from "./workspace";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const problem: WorkspaceProblem = {
  id: "two-sum",
  estimatedMinutes: 15,
  signature: signatureOf({
    function: "f",
    params: [{ name: "nums", type: "int[]" }],
    returns: "int",
  }),
  publicTests: [{ args: [[1, 2]], expected: 3 }],
  starterCode: { javascript: "function f(nums) {}", python: "def f(nums):", java: "class S {}" },
};

// The server as the edge of the world: runs pass, the attempt cannot be opened (not needed here).
function stubServer() {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string) => {
      if (path === "/api/runs") {
        const report = {
          verdict: "PASSED",
          diagnostics: [],
          tests: [
            { index: 0, kind: "public", verdict: "PASSED", args: [[1, 2]], expected: 3, actual: 3 },
          ],
        };
        return new Response(JSON.stringify(report), {
          headers: { "Content-Type": "application/json" },
        });
      }
      return new Response("{}", { status: 503 });
    }),
  );
}

function mount(shown: WorkspaceProblem = problem) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Workspace
        problem={shown}
        heading={<h1>Two sum</h1>}
        renderProblemPane={() => <p>Find two numbers.</p>}
      />
    </QueryClientProvider>,
  );
}

/** Which of the three panes a narrow screen shows: the one not hidden below lg. */
function shownPanes() {
  const panes = {
    problem: screen.getByRole("region", { name: "Problem" }),
    code: screen.getByRole("region", { name: "Code editor" }),
    result: screen.getByRole("region", { name: "Console" }),
  };
  const hidden = (el: HTMLElement | null): boolean =>
    !!el && (el.classList.contains("max-lg:hidden") || hidden(el.parentElement));
  return Object.entries(panes)
    .filter(([, el]) => !hidden(el))
    .map(([name]) => name);
}

describe("Workspace on a narrow screen", () => {
  it("shows one pane at a time, the statement first", () => {
    stubServer();
    mount();
    const tabs = within(screen.getByRole("tablist", { name: "Workspace" })).getAllByRole("tab");
    expect(tabs.map((t) => t.textContent)).toEqual(["Problem", "Code", "Result"]);
    expect(shownPanes()).toEqual(["problem"]);
    fireEvent.click(screen.getByRole("tab", { name: "Code" }));
    expect(shownPanes()).toEqual(["code"]);
  });

  it("runs from the Code pane and then shows the Result pane with the outcome", async () => {
    stubServer();
    mount();
    fireEvent.click(screen.getByRole("tab", { name: "Code" }));
    const bar = screen.getByRole("region", { name: "Code editor" });
    act(() => fireEvent.click(within(bar).getByRole("button", { name: "Run" })));
    expect(shownPanes()).toEqual(["result"]);
    const paneTabs = within(screen.getByRole("tablist", { name: "Workspace" }));
    expect(paneTabs.getByRole("tab", { name: /^Result/ }).getAttribute("aria-selected")).toBe(
      "true",
    );
    await waitFor(() =>
      expect(screen.getByTestId("overall-verdict").textContent).toBe("The public test passed"),
    );
  });
});

describe("Workspace's own cases", () => {
  it("refuses a malformed tree before sending, with the reason next to the field", async () => {
    const fetch = vi.fn(
      async (path: string) => new Response(JSON.stringify({ path }), { status: 503 }),
    );
    vi.stubGlobal("fetch", fetch);
    mount({
      ...problem,
      signature: signatureOf({
        function: "depth",
        params: [{ name: "root", type: "TreeNode" }],
        returns: "int",
      }),
      publicTests: [{ args: [[1, 2]], expected: 2 }],
    });
    fireEvent.click(screen.getByRole("tab", { name: "Code" }));
    fireEvent.click(await screen.findByRole("button", { name: "+ Add case" }));
    const field = screen.getByLabelText("root (TreeNode)") as HTMLInputElement;
    expect(field.value).toBe("[1,2]");
    fireEvent.change(field, { target: { value: "[1,null,null,4]" } });
    fireEvent.click(screen.getByRole("button", { name: "Run your cases" }));
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(
      screen.getByText(
        "root: the value at [3] has no parent: children are listed only under nodes that are present",
      ),
    ).toBeTruthy();
    expect(fetch.mock.calls.map((call) => String(call[0]))).not.toContain("/api/runs");
  });
});
