// A small markdown reader for problem text: paragraphs, headings, lists, quotes and fenced code;
// inline markup is read by markdown-inline.ts. It builds a tree that React renders as elements,
// so raw HTML in a statement can only ever appear as text; it replaces a 40 KB parser on the first
// paint. Problem text is untrusted: the work is linear in the text and the tree's depth is capped,
// so no statement can stall or crash the page.

import { parseInline, type Inline, type Meter } from "./markdown-inline";

export type Block =
  | { kind: "paragraph"; children: Inline[] }
  | { kind: "heading"; level: number; children: Inline[] }
  | { kind: "code"; language: string; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { kind: "quote"; children: Block[] };

/** Quotes nest at most this deep; the markers of deeper ones are dropped, their text kept. */
export const MAX_QUOTE_DEPTH = 8;

// Each pattern matches in one pass: every quantifier is followed by a character it cannot match,
// or by `.*` under the `s` flag, which takes the rest of the line.
const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/s;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/s;
const SPACE = /\s/;

function startsBlock(line: string): boolean {
  return (
    FENCE.test(line) ||
    heading(line) !== null ||
    BULLET.test(line) ||
    ORDERED.test(line) ||
    afterQuoteMarker(line, 0) !== -1
  );
}

/** Parses markdown source into blocks. */
export function parseMarkdown(source: string, meter: Meter = { steps: 0 }): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, "\n").split("\n"), 0, meter);
}

/** Parses lines inside `depth` quotes; recursion is only into quotes, so at most MAX_QUOTE_DEPTH. */
function parseBlocks(lines: string[], depth: number, meter: Meter): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    meter.steps++;
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
        meter.steps++;
        body.push(lines[i]!);
        i++;
      }
      i++; // the closing fence (or the end of the text)
      blocks.push({ kind: "code", language: fence[2] ?? "", text: body.join("\n") });
      continue;
    }
    const title = heading(line);
    if (title) {
      blocks.push({
        kind: "heading",
        level: title.level,
        children: parseInline(title.text, meter),
      });
      i++;
      continue;
    }
    if (afterQuoteMarker(line, 0) !== -1) {
      // The deepest quote allowed takes in every deeper one, so its lines lose all their markers.
      const innermost = depth + 1 === MAX_QUOTE_DEPTH;
      const body: string[] = [];
      while (i < lines.length && afterQuoteMarker(lines[i]!, 0) !== -1) {
        meter.steps++;
        body.push(quoteText(lines[i]!, innermost, meter));
        i++;
      }
      blocks.push({ kind: "quote", children: parseBlocks(body, depth + 1, meter) });
      continue;
    }
    const ordered = ORDERED.exec(line);
    if (ordered || BULLET.test(line)) {
      const pattern = ordered ? ORDERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        meter.steps++;
        const current = lines[i]!;
        const item = pattern.exec(current);
        if (item) {
          items.push(item[ordered ? 2 : 1]!);
        } else if (current.trim() !== "" && SPACE.test(current[0]!) && !startsBlock(current)) {
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
        items: items.map((item) => parseInline(item, meter)),
      });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "" && !startsBlock(lines[i]!)) {
      meter.steps++;
      body.push(lines[i]!);
      i++;
    }
    blocks.push({ kind: "paragraph", children: parseInline(body.join("\n"), meter) });
  }
  return blocks;
}

/** An ATX heading (`## Title ##`): its level and text, or null. */
function heading(line: string): { level: number; text: string } | null {
  let at = 0;
  while (at < 3 && SPACE.test(line[at] ?? "")) at++;
  let level = 0;
  while (line[at + level] === "#") level++;
  if (level < 1 || level > 6 || !SPACE.test(line[at + level] ?? "")) return null;
  let text = line.slice(at + level).trim();
  // A closing run of `#`, after a space, is not part of the title (`# C#` keeps its `#`).
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  if (end === 0 || SPACE.test(text[end - 1]!)) text = text.slice(0, end).trimEnd();
  return { level, text };
}

/** A quoted line's text after its first quote marker, or after all of them. */
function quoteText(line: string, all: boolean, meter: Meter): string {
  let start = afterQuoteMarker(line, 0);
  for (let next = start; all && next !== -1; next = afterQuoteMarker(line, start)) {
    meter.steps++;
    start = next;
  }
  return line.slice(start);
}

/** Where a line's text starts after a quote marker (`>`, up to 3 spaces before, 1 after) at `from`, or -1. */
function afterQuoteMarker(line: string, from: number): number {
  let at = from;
  while (at - from < 3 && SPACE.test(line[at] ?? "")) at++;
  if (line[at] !== ">") return -1;
  at++;
  return SPACE.test(line[at] ?? "") ? at + 1 : at;
}
