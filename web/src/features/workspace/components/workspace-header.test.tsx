import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { AttemptTimer } from "../hooks/use-attempt-timer";
import { WorkspaceHeader } from "./workspace-header";

afterEach(cleanup);

const idleTimer: AttemptTimer = {
  attemptId: null,
  reading: null,
  failed: false,
  retry: () => {},
  start: () => {},
  pause: () => {},
  resume: () => {},
  reset: () => {},
  onEdit: () => {},
  adopt: () => {},
};

function header(running: boolean) {
  return (
    <WorkspaceHeader
      heading={<h1>Two sum</h1>}
      timer={idleTimer}
      estimatedMinutes={20}
      language="javascript"
      onLanguageChange={() => {}}
      vim={false}
      onVimToggle={() => {}}
      running={running}
      onRun={() => {}}
    />
  );
}

/** Each label of the Run button with whether it is hidden, and the button's own classes. */
function runButton() {
  const button = screen.getByRole("button", { name: "Run public tests" });
  const labels = [...screen.getByTestId("run-label").children].map((label) => ({
    text: label.textContent,
    cell: label.className.replace("invisible", "").trim(),
    hidden: label.classList.contains("invisible"),
  }));
  return { className: button.className, labels };
}

describe("WorkspaceHeader", () => {
  it("keeps the Run button one width while it runs: both labels share a cell", () => {
    const { rerender } = render(header(false));
    const idle = runButton();
    rerender(header(true));
    const running = runButton();

    expect(running.className).toBe(idle.className);
    expect(idle.labels.map((l) => [l.text, l.hidden])).toEqual([
      ["Run", false],
      ["Running…", true],
    ]);
    expect(running.labels.map((l) => [l.text, l.hidden])).toEqual([
      ["Run", true],
      ["Running…", false],
    ]);
    // The same grid cell in both states, so the wider label always sets the width.
    expect(new Set([...idle.labels, ...running.labels].map((l) => l.cell)).size).toBe(1);
    expect(screen.getByRole("button", { name: "Run public tests" }).hasAttribute("disabled")).toBe(
      true,
    );
  });
});
