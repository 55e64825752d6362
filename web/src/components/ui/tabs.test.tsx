import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Tabs } from "./tabs";

afterEach(cleanup);

function Harness() {
  const [value, setValue] = useState<"a" | "b" | "c">("a");
  return (
    <Tabs
      label="Sections"
      idBase="t"
      value={value}
      onChange={setValue}
      items={[
        { id: "a", label: "Alpha" },
        { id: "b", label: "Beta", note: "1/3" },
        { id: "c", label: "Gamma" },
      ]}
    >
      <p>Panel {value}</p>
    </Tabs>
  );
}

describe("Tabs", () => {
  it("exposes tabs and the selected panel to assistive technology", () => {
    render(<Harness />);
    const alpha = screen.getByRole("tab", { name: "Alpha" });
    expect(alpha.getAttribute("aria-selected")).toBe("true");
    expect(alpha.tabIndex).toBe(0);
    expect(screen.getByRole("tab", { name: "Beta 1/3" }).tabIndex).toBe(-1);
    expect(screen.getByRole("tabpanel", { name: "Alpha" }).textContent).toBe("Panel a");
  });

  it("moves with arrow keys, Home and End, wrapping around", () => {
    render(<Harness />);
    const list = screen.getByRole("tablist", { name: "Sections" });
    fireEvent.keyDown(list, { key: "ArrowRight" });
    expect(screen.getByRole("tabpanel").textContent).toBe("Panel b");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Beta 1/3" }));
    fireEvent.keyDown(list, { key: "End" });
    expect(screen.getByRole("tabpanel").textContent).toBe("Panel c");
    fireEvent.keyDown(list, { key: "ArrowRight" });
    expect(screen.getByRole("tabpanel").textContent).toBe("Panel a");
    fireEvent.keyDown(list, { key: "ArrowLeft" });
    expect(screen.getByRole("tabpanel").textContent).toBe("Panel c");
    fireEvent.keyDown(list, { key: "Home" });
    expect(screen.getByRole("tabpanel").textContent).toBe("Panel a");
  });
});
