import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Splitter } from "./splitter";

afterEach(cleanup);

describe("Splitter", () => {
  const setup = (orientation: "vertical" | "horizontal", value = 40) => {
    const onChange = vi.fn();
    render(
      <Splitter
        orientation={orientation}
        value={value}
        min={20}
        max={70}
        onChange={onChange}
        label="Resize panes"
        controls="left"
      />,
    );
    return { onChange, handle: screen.getByRole("separator", { name: "Resize panes" }) };
  };

  it("announces its position", () => {
    const { handle } = setup("vertical");
    expect(handle.getAttribute("aria-valuenow")).toBe("40");
    expect(handle.getAttribute("aria-orientation")).toBe("vertical");
    expect(handle.tabIndex).toBe(0);
  });

  it("resizes from the keyboard within its limits", () => {
    const { onChange, handle } = setup("vertical", 69);
    fireEvent.keyDown(handle, { key: "ArrowLeft" });
    expect(onChange).toHaveBeenLastCalledWith(67);
    fireEvent.keyDown(handle, { key: "ArrowRight", shiftKey: true });
    expect(onChange).toHaveBeenLastCalledWith(70);
    fireEvent.keyDown(handle, { key: "Home" });
    expect(onChange).toHaveBeenLastCalledWith(20);
    fireEvent.keyDown(handle, { key: "ArrowUp" });
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it("uses up and down when the panes are stacked", () => {
    const { onChange, handle } = setup("horizontal");
    fireEvent.keyDown(handle, { key: "ArrowDown" });
    expect(onChange).toHaveBeenLastCalledWith(42);
  });
});
