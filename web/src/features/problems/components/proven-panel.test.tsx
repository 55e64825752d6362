import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Validation } from "../api/validation";
import { ProvenPanel } from "./proven-panel";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const figures: Validation["figures"] = {
  referenceTests: 21,
  stressInputs: 200,
  wrongSolutionsCaught: 6,
  wrongSolutionsTotal: 6,
  mutantsKilled: 0,
  mutantsDistinguishable: 0,
  testsAdded: 0,
  timeLimitsMillis: { javascript: 1000, python: 1000, java: 1000 },
  validationMillis: 12000,
};

const passed: Validation = {
  status: "passed",
  stressChecked: true,
  checks: [
    { name: "reference-python", status: "passed", detail: "the python solution passes all 21" },
    { name: "stress", status: "passed", detail: "the brute force and all 3 references agree" },
    { name: "wrong-solutions", status: "passed", detail: "6/6 wrong solutions caught" },
  ],
  figures,
};

const zero = { ...figures, referenceTests: 0, stressInputs: 0, wrongSolutionsCaught: 0 };

// The server as the edge of the world: it answers the validation with `body`.
function serve(body: unknown, status = 200) {
  const fetch = vi.fn(
    async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
      }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function mount() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ProvenPanel problemId="first-repeated-badge-scan" />
    </QueryClientProvider>,
  );
  return screen.getByRole("region", { name: /Proven/ });
}

describe("ProvenPanel", () => {
  it("says what a passed validation proved in one line, with each check behind a disclosure", async () => {
    const fetch = serve(passed);
    const panel = mount();
    const line = await within(panel).findByTestId("proven-summary");
    expect(line.textContent).toBe(
      "3 reference solutions × 21 tests · brute force agrees on 200 random inputs · " +
        "6/6 wrong solutions caught · limits JS 1 s, Python 1 s, Java 1 s",
    );
    expect(within(panel).getByRole("heading").textContent).toBe("ProvenPassed");
    expect(fetch).toHaveBeenCalledWith(
      "/api/problems/first-repeated-badge-scan/validation",
      expect.anything(),
    );
    fireEvent.click(within(panel).getByText("3 checks"));
    const items = within(
      within(panel).getByRole("list", { name: "Validation checks" }),
    ).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Passedreference-pythonthe python solution passes all 21",
      "Passedstressthe brute force and all 3 references agree",
      "Passedwrong-solutions6/6 wrong solutions caught",
    ]);
  });

  it("says so when the tests were not stress-checked", async () => {
    serve({
      ...passed,
      stressChecked: false,
      checks: [
        { name: "stress", status: "skipped", detail: "tests not stress-checked: no bruteForce" },
      ],
      figures: { ...figures, stressInputs: 0, wrongSolutionsTotal: 0, wrongSolutionsCaught: 0 },
    });
    const panel = mount();
    const line = await within(panel).findByTestId("proven-summary");
    expect(line.textContent).toBe(
      "3 reference solutions × 21 tests · tests not stress-checked · limits JS 1 s, Python 1 s, Java 1 s",
    );
    expect(within(panel).getByText("Skipped")).toBeTruthy();
  });

  it("says validation is pending, with no figures, until the server has validated the revision", async () => {
    serve({ status: "pending", stressChecked: false, checks: [], figures: zero });
    const panel = mount();
    expect(await within(panel).findByText(/^Validation pending/)).toBeTruthy();
    expect(within(panel).getByRole("heading").textContent).toBe("ProvenPending");
    expect(within(panel).queryByTestId("proven-summary")).toBeNull();
    expect(within(panel).queryByText(/checks?$/)).toBeNull();
  });

  it("says plainly that a failed validation proves nothing, and which step failed", async () => {
    serve({
      status: "failed",
      stressChecked: false,
      checks: [
        {
          name: "input-validator",
          status: "failed",
          detail: "the input validator rejects a stated test or example",
        },
        { name: "time-limits", status: "skipped", detail: "derived only once every check passes" },
      ],
      figures: { ...figures, timeLimitsMillis: { javascript: 0, python: 0, java: 0 } },
    });
    const panel = mount();
    expect((await within(panel).findByText(/^Validation failed/)).textContent).toBe(
      "Validation failed: the input validator rejects a stated test or example. These tests are not proven.",
    );
    expect(within(panel).getByRole("heading").textContent).toBe("ProvenFailed");
    expect(within(panel).queryByTestId("proven-summary")).toBeNull();
    expect(within(panel).getByText("2 checks")).toBeTruthy();
  });

  it("shows a status the page does not know as an error, never as something else", async () => {
    serve({ ...passed, status: "PASSED" });
    const panel = mount();
    expect((await within(panel).findByText(/^Could not load/)).textContent).toMatch(
      /\.status is "PASSED", not one of passed, failed, pending/,
    );
  });

  it("shows the server's detail when the problem is unknown", async () => {
    serve({ status: 404, detail: "No problem with id 'nope'" }, 404);
    const panel = mount();
    expect((await within(panel).findByText(/^Could not load/)).textContent).toContain(
      "No problem with id 'nope'",
    );
  });
});
