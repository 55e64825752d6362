import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_NESTING } from "../../lib/markdown-plugins";
import { Markdown } from "./markdown";
import { loadMarkdownRenderer } from "./markdown-loader";

// Lets a test make the renderer throw, standing in for any bug a problem's text could trigger.
const renderer = vi.hoisted(() => ({ fails: false }));
vi.mock("react-markdown", async (importOriginal) => {
  const actual = await importOriginal<typeof import("react-markdown")>();
  return {
    ...actual,
    default: (options: Parameters<typeof actual.default>[0]) => {
      if (renderer.fails) throw new RangeError("Maximum call stack size exceeded");
      return actual.default(options);
    },
  };
});

// The renderer is a chunk of its own; loaded first, it renders at once, as on a page whose route
// loader has started it.
beforeAll(() => loadMarkdownRenderer());

afterEach(() => {
  cleanup();
  renderer.fails = false;
  vi.restoreAllMocks();
});

function renderMarkdown(source: string) {
  return render(<Markdown>{source}</Markdown>).container;
}

describe("Markdown", () => {
  it("renders a GFM table with its header and cells", () => {
    const container = renderMarkdown(
      "| n | answer |\n| ---: | --- |\n| 1 | `[0]` |\n| 2 | **none** |",
    );
    const table = screen.getByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["n", "answer"]);
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect([...rows[1]!.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["1", "[0]"]);
    expect(rows[1]!.querySelector("td code")?.textContent).toBe("[0]");
    expect(rows[2]!.querySelector("td strong")?.textContent).toBe("none");
    expect(container.querySelector("thead th")?.getAttribute("style")).toMatch(/right/);
  });

  it("nests lists, bulleted in numbered, and keeps an ordered list's start", () => {
    const container = renderMarkdown("3. three\n   - inner\n     - innermost\n4. four");
    const ol = container.querySelector("ol")!;
    expect(ol.getAttribute("start")).toBe("3");
    expect(ol.children).toHaveLength(2);
    expect(container.querySelector("ol > li > ul > li > ul > li")?.textContent).toBe("innermost");
    expect(ol.children[1]!.textContent).toBe("four");
  });

  it("renders fenced code as pre > code with the language's class, as written", () => {
    const container = renderMarkdown("```python\ndef f(a, b):\n    return a * b ** 2\n```");
    const code = container.querySelector("pre > code")!;
    expect(code.className).toContain("language-python");
    expect(code.textContent).toBe("def f(a, b):\n    return a * b ** 2\n");
  });

  it("renders inline code, emphasis, strikethrough, quotes and headings", () => {
    const container = renderMarkdown(
      "# Task\n\nReturn `nums[i]`, *not* **all**, ~~never~~.\n\n> Note: sorted.",
    );
    expect(screen.getByText("nums[i]").tagName).toBe("CODE");
    expect(screen.getByText("not").tagName).toBe("EM");
    expect(screen.getByText("all").tagName).toBe("STRONG");
    expect(screen.getByText("never").tagName).toBe("DEL");
    expect(container.querySelector("blockquote")?.textContent?.trim()).toBe("Note: sorted.");
    // Statement headings sit below the page's own h1 and h2.
    expect(screen.getByRole("heading", { name: "Task" }).tagName).toBe("H3");
  });

  it("sets the exponent of 10^5 as a superscript, and keeps the caret for copying", () => {
    const container = renderMarkdown("1 <= n <= 10^5, -10^9 <= x <= 2^31 - 1 and **10^10**");
    const sups = [...container.querySelectorAll("sup")].map((sup) => sup.textContent);
    expect(sups).toEqual(["5", "9", "31", "10"]);
    expect(container.querySelector("strong sup")?.textContent).toBe("10");
    expect(container.textContent).toBe("1 <= n <= 10^5, -10^9 <= x <= 2^31 - 1 and 10^10");
  });

  it("leaves a caret alone inside code and where no digits surround it", () => {
    const container = renderMarkdown(
      "Use `10^5` or `a^2`; x^2 and 2^k stay.\n\n```\nn = 10^5\n```\n\n- `2^31 - 1`",
    );
    expect(container.querySelectorAll("sup")).toHaveLength(0);
    expect(screen.getByText("10^5").tagName).toBe("CODE");
    expect(container.querySelector("pre code")?.textContent).toBe("n = 10^5\n");
    expect(screen.getByText("2^31 - 1").tagName).toBe("CODE");
    expect(container.textContent).toContain("x^2 and 2^k");
  });

  it("shows raw HTML as text and never as elements", () => {
    const container = renderMarkdown(
      'Find **two**.<script>window.pwned = true</script><img src=x onerror="alert(1)">\n\n' +
        "<div onclick=alert(1)>\n\n<iframe src=/x></iframe>\n\n</div>",
    );
    for (const selector of ["script", "img", "iframe", "[onerror]", "[onclick]", ".markdown div"]) {
      expect(container.querySelector(selector), selector).toBeNull();
    }
    expect(container.textContent).toContain("<script>window.pwned = true</script>");
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it("opens http(s) links as external, in a new tab, marked; keeps local and mailto links", () => {
    renderMarkdown(
      "[docs](https://example.org/docs), [next](/problems/two-sum), " +
        "[mail](mailto:team@example.org) and https://example.org/auto",
    );
    const external = screen.getByRole("link", { name: /docs/ });
    expect(external.getAttribute("href")).toBe("https://example.org/docs");
    expect(external.getAttribute("target")).toBe("_blank");
    expect(external.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(external.textContent).toMatch(/opens another site in a new tab/);
    const local = screen.getByRole("link", { name: "next" });
    expect(local.getAttribute("href")).toBe("/problems/two-sum");
    expect(local.getAttribute("target")).toBeNull();
    const mail = screen.getByRole("link", { name: "mail" });
    expect(mail.getAttribute("href")).toBe("mailto:team@example.org");
    expect(mail.getAttribute("target")).toBeNull();
    expect(screen.getByRole("link", { name: /example\.org\/auto/ }).getAttribute("target")).toBe(
      "_blank",
    );
  });

  it("shows links to other schemes, or to other sites posing as local, as the text written", () => {
    const hostile = [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "//evil.example",
      "/\\evil.example",
      "/%5Cevil.example",
      "data:text/html,hi",
      "vbscript:x",
    ];
    const container = renderMarkdown(
      hostile.map((target, i) => `[link ${i}](${target})`).join("\n\n") +
        "\n\n<javascript:alert(2)>\n\n[ref]\n\n[ref]: javascript:alert(3)",
    );
    expect(container.querySelectorAll("a")).toHaveLength(0);
    expect(container.querySelectorAll("[href]")).toHaveLength(0);
    expect(container.textContent).toContain("[link 0](javascript:alert(1))");
    expect(container.textContent).toContain("[link 2](//evil.example)");
    expect(container.textContent).toContain("<javascript:alert(2)>");
  });

  it("shows an image as written and loads nothing", () => {
    const container = renderMarkdown("![a chart](https://example.org/chart.png)");
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("[src]")).toBeNull();
    expect(container.textContent).toBe("![a chart](https://example.org/chart.png)");
  });

  it("renders task list items with disabled checkboxes", () => {
    renderMarkdown("- [x] read the input\n- [ ] return the pair");
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((box) => [box.checked, box.disabled])).toEqual([
      [true, true],
      [false, true],
    ]);
    expect(boxes[0]!.closest("li")?.textContent?.trim()).toBe("read the input");
  });

  it("caps how deep quotes and emphasis nest, keeping the text", () => {
    const container = renderMarkdown(
      "> ".repeat(40) + "deep\n\n" + "*a ".repeat(40) + "x" + " a*".repeat(40),
    );
    let quotes = 0;
    for (let q = container.querySelector("blockquote"); q; q = q.querySelector("blockquote")) {
      quotes++;
    }
    expect(quotes).toBeGreaterThan(1);
    expect(quotes).toBeLessThanOrEqual(MAX_NESTING);
    expect(screen.getByText("deep").tagName).toBe("P");
    let ems = 0;
    for (let e = container.querySelector("em"); e; e = e.querySelector("em")) ems++;
    expect(ems).toBeGreaterThan(1);
    expect(ems).toBeLessThanOrEqual(MAX_NESTING);
    expect(container.textContent).toContain("a a x a a");
  });

  // Each is as long as a statement may be, and without markdown-limits.ts takes the parser from
  // seconds to minutes, or overflows the stack.
  const stalling: Record<string, string> = {
    "a quote 10000 deep": "> ".repeat(9999) + "x",
    "a list 10000 deep on one line": "- ".repeat(9999) + "x",
    "strong nested 4999 deep": "**".repeat(4999) + "x" + "**".repeat(4999),
    "closers without openers": "a* b_ ".repeat(3333),
    "interleaved markers": "*_".repeat(4999) + "x" + "_*".repeat(4999),
    "the rule of 3": "*a**".repeat(5000),
    "unclosed links": "[x](".repeat(5000),
    "footnote calls": "[^a]".repeat(4990) + "\n\n[^a]: x",
    "setext headings": "a\n=\n".repeat(5000),
    "lazy quote lines": ">a\nb\n".repeat(3333),
    "a table 3000 cells wide": "|a".repeat(3000) + "|\n" + "|-".repeat(3000) + "|\n",
  };
  for (const [name, source] of Object.entries(stalling)) {
    it(`renders ${name} promptly`, () => {
      const start = performance.now();
      const container = renderMarkdown(source);
      expect(performance.now() - start).toBeLessThan(2000);
      expect(container.textContent).toMatch(/[a-x]/);
      expect(container.textContent).not.toMatch(/could not be displayed/);
    });
  }

  it("shows the text as written, calmly, when rendering it throws", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    renderer.fails = true;
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
    renderer.fails = true;
    const { rerender } = render(<Markdown>{"first"}</Markdown>);
    renderer.fails = false;
    rerender(<Markdown>{"**second**"}</Markdown>);
    expect(screen.getByText("second").tagName).toBe("STRONG");
  });
});

describe("Markdown before its chunk has loaded", () => {
  it("shows the text as written in the same box, then the rendered text", async () => {
    vi.resetModules();
    const fresh = await import("./markdown");
    const { container } = render(<fresh.Markdown>{"Find **two** numbers."}</fresh.Markdown>);
    const box = container.firstElementChild!;
    expect(box.className).toContain("markdown");
    expect(box.textContent).toBe("Find **two** numbers.");
    expect(box.querySelector(".whitespace-pre-wrap")).toBeTruthy();
    expect((await screen.findByText("two")).tagName).toBe("STRONG");
    expect(container.firstElementChild).toBe(box);
    expect(box.textContent).toBe("Find two numbers.");
  });
});
