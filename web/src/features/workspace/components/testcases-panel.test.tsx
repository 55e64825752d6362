import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { signatureOf } from "../../../lib/value-type-fixtures";
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
});
