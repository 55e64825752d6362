import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { EditorSurface } from "./editor-surface";

afterEach(cleanup);

const code = 'function twoSum(nums) {\n  // one pass\n  return "none";\n}';

describe("EditorSurface before the editor loads", () => {
  it("shows the same text, coloured like the editor, with a line number per line", () => {
    render(
      <EditorSurface
        documentKey="p:javascript:0"
        language="javascript"
        initialValue={code}
        label="JavaScript solution"
      />,
    );
    const preview = screen.getByTestId("editor-preview");
    const pre = screen.getByTestId("editor-preview-code");
    expect(pre.textContent).toBe(code);
    const coloured = [...pre.querySelectorAll("span")].map((span) => [
      span.textContent,
      span.style.color,
    ]);
    expect(coloured).toContainEqual(["function", "var(--iv-code-keyword)"]);
    expect(coloured).toContainEqual(["twoSum", "var(--iv-code-function)"]);
    expect(coloured).toContainEqual(["// one pass", "var(--iv-code-comment)"]);
    expect(coloured).toContainEqual(['"none"', "var(--iv-code-string)"]);
    expect(preview.getAttribute("aria-label")).toBe("JavaScript solution");
    expect(preview.firstElementChild!.textContent).toBe("1234");
  });
});
