import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Markdown } from "./markdown";

// Lets a test make the parser throw, standing in for any bug a problem's text could trigger.
const parser = vi.hoisted(() => ({ fails: false }));
vi.mock("../../lib/markdown", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../lib/markdown")>();
  return {
    ...actual,
    parseMarkdown: (source: string) => {
      if (parser.fails) throw new RangeError("Maximum call stack size exceeded");
      return actual.parseMarkdown(source);
    },
  };
});

afterEach(() => {
  cleanup();
  parser.fails = false;
  vi.restoreAllMocks();
});

describe("Markdown", () => {
  it("shows the text as written, calmly, when rendering it throws", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    parser.fails = true;
    const { container } = render(
      <div>
        <p>Before</p>
        <Markdown>{"Find **two** numbers."}</Markdown>
      </div>,
    );
    expect(screen.getByText("Before")).toBeTruthy();
    expect(screen.getByText(/This part of the problem could not be displayed/)).toBeTruthy();
    expect(container.querySelector("pre")?.textContent).toBe("Find **two** numbers.");
    expect(container.textContent).not.toMatch(/Maximum call stack/);
  });

  it("tries again when the text changes", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    parser.fails = true;
    const { rerender } = render(<Markdown>{"first"}</Markdown>);
    parser.fails = false;
    rerender(<Markdown>{"**second**"}</Markdown>);
    expect(screen.getByText("second").tagName).toBe("STRONG");
  });

  it("sets the exponent of 10^5 as a superscript, and keeps the caret for copying", () => {
    const { container } = render(
      <Markdown>{"1 <= n <= 10^5 and -10^9 <= x <= 2 * 10^10"}</Markdown>,
    );
    const sups = [...container.querySelectorAll("sup")].map((sup) => sup.textContent);
    expect(sups).toEqual(["5", "9", "10"]);
    expect(container.textContent).toBe("1 <= n <= 10^5 and -10^9 <= x <= 2 * 10^10");
  });

  it("leaves a caret alone inside code and where no digits surround it", () => {
    const { container } = render(
      <Markdown>{"Use `10^5` or `a^2`; x^2 and 2^k stay.\n\n```\nn = 10^5\n```"}</Markdown>,
    );
    expect(container.querySelectorAll("sup")).toHaveLength(0);
    expect(container.textContent).toContain("x^2 and 2^k");
  });

  it("opens http(s) links as external, in a new tab, marked", () => {
    render(<Markdown>{"[docs](https://example.org/docs) and [next](/problems/two-sum)"}</Markdown>);
    const external = screen.getByRole("link", { name: /docs/ });
    expect(external.getAttribute("href")).toBe("https://example.org/docs");
    expect(external.getAttribute("target")).toBe("_blank");
    expect(external.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(external.textContent).toMatch(/opens another site in a new tab/);
    const local = screen.getByRole("link", { name: "next" });
    expect(local.getAttribute("href")).toBe("/problems/two-sum");
    expect(local.getAttribute("target")).toBeNull();
  });

  it("renders links to other sites posing as local, and other schemes, as text", () => {
    const hostile = [
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/%5Cevil.example",
      "\u0001//evil.example",
      "JaVaScRiPt:alert(1)",
      "\u0000javascript:alert(1)",
      "data:text/html,hi",
      "vbscript:x",
    ];
    const { container } = render(
      <Markdown>{hostile.map((target, i) => `[link ${i}](${target})`).join("\n\n")}</Markdown>,
    );
    expect(container.querySelectorAll("a")).toHaveLength(0);
    expect(container.querySelectorAll("[href]")).toHaveLength(0);
    expect(container.textContent).toContain("[link 0](//evil.example)");
  });
});
