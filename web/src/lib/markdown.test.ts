import { describe, expect, it } from "vitest";
import { MAX_QUOTE_DEPTH, parseMarkdown, type Block } from "./markdown";
import { MAX_INLINE_DEPTH, parseInline, type Inline, type Meter } from "./markdown-inline";

describe("parseMarkdown", () => {
  it("splits paragraphs, lists, headings and fenced code", () => {
    const blocks = parseMarkdown(
      "# Title\n\nFirst line\nsame paragraph.\n\n- one\n- two\n  continued\n\n3. three\n4. four\n\n```js\nlet x = 1;\n```",
    );
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list", "list", "code"]);
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      children: [{ kind: "text", text: "First line same paragraph." }],
    });
    expect(blocks[2]).toMatchObject({
      ordered: false,
      items: [[{ text: "one" }], [{ text: "two continued" }]],
    });
    expect(blocks[3]).toMatchObject({ ordered: true, start: 3 });
    expect(blocks[4]).toEqual({ kind: "code", language: "js", text: "let x = 1;" });
  });

  it("keeps raw HTML as text", () => {
    expect(parseMarkdown("<script>alert(1)</script>")).toEqual([
      { kind: "paragraph", children: [{ kind: "text", text: "<script>alert(1)</script>" }] },
    ]);
  });

  it("drops a closing run of # from headings but keeps one inside the title", () => {
    expect(parseMarkdown("## Sum ##\n\n# C#")).toEqual([
      { kind: "heading", level: 2, children: [{ kind: "text", text: "Sum" }] },
      { kind: "heading", level: 1, children: [{ kind: "text", text: "C#" }] },
    ]);
  });

  it("nests quotes", () => {
    expect(parseMarkdown("> a\n>\n> > b")).toEqual([
      {
        kind: "quote",
        children: [
          { kind: "paragraph", children: [{ kind: "text", text: "a" }] },
          {
            kind: "quote",
            children: [{ kind: "paragraph", children: [{ kind: "text", text: "b" }] }],
          },
        ],
      },
    ]);
  });

  it("reads a quote nested 5000 deep as the deepest allowed quote holding its text", () => {
    const blocks = parseMarkdown("> ".repeat(5000) + "x");
    let depth = 0;
    let inner: Block[] = blocks;
    while (inner.length === 1 && inner[0]!.kind === "quote") {
      inner = inner[0]!.children;
      depth++;
    }
    expect(depth).toBe(MAX_QUOTE_DEPTH);
    expect(inner).toEqual([{ kind: "paragraph", children: [{ kind: "text", text: "x" }] }]);
  });

  it("shows 10000 pairs of asterisks as the text they are", () => {
    const source = "**".repeat(10000);
    expect(parseMarkdown(source)).toEqual([
      { kind: "paragraph", children: [{ kind: "text", text: source }] },
    ]);
  });

  it("shows 9999 spaced underscores as the text they are", () => {
    const source = "x" + " _".repeat(9999);
    expect(parseMarkdown(source)).toEqual([
      { kind: "paragraph", children: [{ kind: "text", text: source }] },
    ]);
  });
});

describe("parseInline", () => {
  it("reads code, strong and emphasis", () => {
    expect(parseInline("a **b** `c*d*` *e*")).toEqual([
      { kind: "text", text: "a " },
      { kind: "strong", children: [{ kind: "text", text: "b" }] },
      { kind: "text", text: " " },
      { kind: "code", text: "c*d*" },
      { kind: "text", text: " " },
      { kind: "em", children: [{ kind: "text", text: "e" }] },
    ]);
  });

  it("matches emphasis as CommonMark does", () => {
    expect(parseInline("*foo**bar*")).toEqual([
      { kind: "em", children: [{ kind: "text", text: "foo**bar" }] },
    ]);
    expect(parseInline("***both***")).toEqual([
      { kind: "em", children: [{ kind: "strong", children: [{ kind: "text", text: "both" }] }] },
    ]);
    expect(parseInline("**a *b* c**")).toEqual([
      {
        kind: "strong",
        children: [
          { kind: "text", text: "a " },
          { kind: "em", children: [{ kind: "text", text: "b" }] },
          { kind: "text", text: " c" },
        ],
      },
    ]);
    expect(parseInline("a * b * c")).toEqual([{ kind: "text", text: "a * b * c" }]);
  });

  it("leaves underscores inside words alone", () => {
    expect(parseInline("snake_case_name")).toEqual([{ kind: "text", text: "snake_case_name" }]);
  });

  it("closes a code span only on a run of the same length", () => {
    expect(parseInline("`` a ` b `` and ``` c")).toEqual([
      { kind: "code", text: "a ` b" },
      { kind: "text", text: " and ``` c" },
    ]);
  });

  it("keeps emphasis inside a link's text", () => {
    expect(parseInline("*a [b* c](/x)")).toEqual([
      { kind: "text", text: "*a " },
      {
        kind: "link",
        href: "/x",
        external: false,
        children: [{ kind: "text", text: "b* c" }],
      },
    ]);
  });

  it("links to this site and, as external, to http(s) URLs", () => {
    expect(parseInline("[ok](https://example.org)")).toEqual([
      {
        kind: "link",
        href: "https://example.org/",
        external: true,
        children: [{ kind: "text", text: "ok" }],
      },
    ]);
    expect(parseInline("[next](/problems/two-sum)")[0]).toMatchObject({
      href: "/problems/two-sum",
      external: false,
    });
  });

  it("shows a link to a refused target, target included, as text", () => {
    expect(parseInline("see [bad](javascript:alert(1)) now")).toEqual([
      { kind: "text", text: "see [bad](javascript:alert(1)) now" },
    ]);
    expect(parseInline("[away](//evil.example)")).toEqual([
      { kind: "text", text: "[away](//evil.example)" },
    ]);
  });

  it("honours backslash escapes", () => {
    expect(parseInline("\\*not emphasis\\*")).toEqual([{ kind: "text", text: "*not emphasis*" }]);
  });

  it("nests emphasis at most MAX_INLINE_DEPTH deep and shows deeper markers as text", () => {
    const source = "**".repeat(5000) + "x" + "**".repeat(5000);
    let inline: Inline[] = parseInline(source);
    let depth = 0;
    while (inline.length === 1 && inline[0]!.kind === "strong") {
      inline = inline[0]!.children;
      depth++;
    }
    expect(depth).toBe(MAX_INLINE_DEPTH);
    const rest = "**".repeat(5000 - MAX_INLINE_DEPTH);
    expect(inline).toEqual([{ kind: "text", text: rest + "x" + rest }]);
  });
});

describe("the reader's work", () => {
  // Steps for a text of size n and 8n: linear work gives a ratio near 8, quadratic near 64.
  const hostile: Record<string, (n: number) => string> = {
    "deep quote": (n) => "> ".repeat(n) + "x",
    "runs of asterisks": (n) => "**".repeat(n),
    "spaced underscores": (n) => "x" + " _".repeat(n),
    "nested strong": (n) => "**".repeat(n) + "x" + "**".repeat(n),
    "openers without closers": (n) => "*a _b ".repeat(n),
    "closers without openers": (n) => "a* b_ ".repeat(n),
    "interleaved markers": (n) => "*_".repeat(n) + "x" + "_*".repeat(n),
    "rule of 3": (n) => "*a**".repeat(n),
    "unclosed links": (n) => "[x](".repeat(n),
    "refused links in refused links": (n) => "[a](javascript:" + "[b](javascript:".repeat(n) + ")",
    "unclosed code spans": (n) => "` ``".repeat(n),
  };

  function steps(source: string): number {
    const meter: Meter = { steps: 0 };
    parseMarkdown(source, meter);
    return meter.steps;
  }

  for (const [name, make] of Object.entries(hostile)) {
    it(`grows linearly for ${name}`, () => {
      const ratio = steps(make(8000)) / steps(make(1000));
      expect(ratio).toBeGreaterThan(6);
      expect(ratio).toBeLessThan(10);
    });
  }

  it("reads lines with long runs of spaces in time linear in their length", () => {
    // Line-level patterns are not metered, so this compares timings within one run.
    const lines = (n: number) =>
      [
        "# a" + " ".repeat(n) + "b",
        "#" + " ".repeat(n) + "#".repeat(n) + " x",
        "- " + " ".repeat(n) + "x",
        ">" + " ".repeat(n) + "> x",
        "```" + " ".repeat(n) + "x",
      ].join("\n\n");
    const perCall = (source: string) => {
      parseMarkdown(source);
      let calls = 0;
      const start = performance.now();
      while (performance.now() - start < 50) {
        parseMarkdown(source);
        calls++;
      }
      return (performance.now() - start) / calls;
    };
    const ratio = perCall(lines(2400)) / perCall(lines(300));
    expect(ratio).toBeLessThan(24);
  });
});
