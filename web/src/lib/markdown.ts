// A small markdown reader for problem text: paragraphs, headings, lists, quotes, fenced code and
// inline code/strong/emphasis/links. It builds a tree that React renders as elements, so raw HTML
// in a statement can only ever appear as text; it replaces a 40 KB parser on the first paint.

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "link"; href: string; children: Inline[] }
  | { kind: "break" };

export type Block =
  | { kind: "paragraph"; children: Inline[] }
  | { kind: "heading"; level: number; children: Inline[] }
  | { kind: "code"; language: string; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { kind: "quote"; children: Block[] };

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

function startsBlock(line: string): boolean {
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    BULLET.test(line) ||
    ORDERED.test(line) ||
    QUOTE.test(line)
  );
}

/** Parses markdown source into blocks. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(marker)) {
        body.push(lines[i]!);
        i++;
      }
      i++; // the closing fence (or the end of the text)
      blocks.push({ kind: "code", language: fence[2] ?? "", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        kind: "heading",
        level: heading[1]!.length,
        children: parseInline(heading[2]!),
      });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) {
        body.push(QUOTE.exec(lines[i]!)![1]!);
        i++;
      }
      blocks.push({ kind: "quote", children: parseMarkdown(body.join("\n")) });
      continue;
    }
    const ordered = ORDERED.exec(line);
    if (ordered || BULLET.test(line)) {
      const pattern = ordered ? ORDERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const item = pattern.exec(current);
        if (item) {
          items.push(item[ordered ? 2 : 1]!);
        } else if (current.trim() !== "" && /^\s+/.test(current) && !startsBlock(current)) {
          items[items.length - 1] += " " + current.trim();
        } else {
          break;
        }
        i++;
      }
      blocks.push({
        kind: "list",
        ordered: Boolean(ordered),
        start: ordered ? Number(ordered[1]) : 1,
        items: items.map(parseInline),
      });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "" && !startsBlock(lines[i]!)) {
      body.push(lines[i]!);
      i++;
    }
    blocks.push({ kind: "paragraph", children: parseInline(body.join("\n")) });
  }
  return blocks;
}

const SAFE_URL = /^(https?:|mailto:|\/|#)/i;

/** Parses inline markdown: `code`, **strong**, *emphasis*, [links](https://...), escapes, breaks. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ kind: "text", text });
    text = "";
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "\\" && i + 1 < source.length) {
      const next = source[i + 1]!;
      if (next === "\n") {
        flush();
        out.push({ kind: "break" });
        i += 2;
        continue;
      }
      if (/[!-/:-@[-`{-~]/.test(next)) {
        text += next;
        i += 2;
        continue;
      }
    }
    if (ch === "`") {
      const run = /^`+/.exec(source.slice(i))![0];
      const close = source.indexOf(run, i + run.length);
      if (close !== -1) {
        flush();
        let code = source.slice(i + run.length, close).replace(/\n/g, " ");
        if (code.length > 2 && code.startsWith(" ") && code.endsWith(" ")) code = code.slice(1, -1);
        out.push({ kind: "code", text: code });
        i = close + run.length;
        continue;
      }
      text += run;
      i += run.length;
      continue;
    }
    if ((ch === "*" || ch === "_") && source[i + 1] === ch) {
      const marker = ch + ch;
      const close = source.indexOf(marker, i + 2);
      if (close > i + 2) {
        flush();
        out.push({ kind: "strong", children: parseInline(source.slice(i + 2, close)) });
        i = close + 2;
        continue;
      }
    }
    if (ch === "*" || ch === "_") {
      // `_` inside a word (snake_case) is not emphasis.
      const wordBefore = i > 0 && /\w/.test(source[i - 1]!);
      const close = findEmphasisClose(source, i + 1, ch);
      if (!(ch === "_" && wordBefore) && close !== -1 && !/\s/.test(source[i + 1] ?? " ")) {
        flush();
        out.push({ kind: "em", children: parseInline(source.slice(i + 1, close)) });
        i = close + 1;
        continue;
      }
    }
    if (ch === "[") {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(source.slice(i));
      if (link && SAFE_URL.test(link[2]!)) {
        flush();
        out.push({ kind: "link", href: link[2]!, children: parseInline(link[1]!) });
        i += link[0].length;
        continue;
      }
    }
    if (ch === "\n") {
      if (text.endsWith("  ")) {
        text = text.trimEnd();
        flush();
        out.push({ kind: "break" });
      } else {
        text += " ";
      }
      i++;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

function findEmphasisClose(source: string, from: number, marker: string): number {
  for (let j = from; j < source.length; j++) {
    const c = source[j]!;
    if (c === "`") {
      const end = source.indexOf("`", j + 1);
      if (end === -1) return -1;
      j = end;
      continue;
    }
    if (c === marker && source[j + 1] !== marker && !/\s/.test(source[j - 1] ?? " ")) {
      if (marker === "_" && /\w/.test(source[j + 1] ?? "")) continue;
      return j;
    }
  }
  return -1;
}
