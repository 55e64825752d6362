// Problem text is untrusted, and the markdown parser (micromark, under react-markdown) takes time
// quadratic in the text for a few shapes of it: containers nested deep on one line (`> > > …`,
// `- - - …`), many runs of emphasis markers (`**` × 5000 around a word, `a* b_ ` repeated), many
// brackets (`[x](` repeated), and many lines of some blocks (setext headings, lazy quote lines).
// Real problem text has few of these (the bank's most: 30 brackets, 20 emphasis markers, 28
// lines), so a few linear passes over the text measure them first and, past bounds well above
// that, the parser reads less:
//
// - container markers beyond MAX_CONTAINER_DEPTH on one line are dropped, their text kept (the
//   deepest quote allowed takes in every deeper one);
// - past MAX_EMPHASIS_MARKERS or MAX_EMPHASIS_RUNS, emphasis and strikethrough are not read: their
//   markers show as text;
// - past MAX_BRACKETS, links, images and footnotes are not read: they show as written;
// - past MAX_PIPES, tables are not read: their rows show as lines of text;
// - past MAX_MARKDOWN_LENGTH (longer than any problem field may be) or MAX_LINES, nothing is
//   read: the text shows as written.
//
// What is left grows at worst with the text times its nesting across lines (an indented list
// 140 levels deep is a 20000-character text), which the length bound bounds; the rendered tree's
// depth is capped separately (markdown-plugins.ts).

/** Longer text is shown as written: the longest problem field (the statement) holds 20000. */
export const MAX_MARKDOWN_LENGTH = 20_000;
/** Text of more lines is shown as written: real problem text has tens. */
export const MAX_LINES = 1000;
/** Quote and list markers read at the start of one line; deeper ones are dropped. */
export const MAX_CONTAINER_DEPTH = 8;
/** Characters in runs of `*`, `_` or `~` that may open or close emphasis. */
export const MAX_EMPHASIS_MARKERS = 300;
/** Runs of `*`, `_` or `~`, whether or not they may open or close. */
export const MAX_EMPHASIS_RUNS = 1000;
/** `[` characters: each may start a link or an image. */
export const MAX_BRACKETS = 300;
/** `|` characters: table cells. */
export const MAX_PIPES = 2000;

/** How to read one text. */
export interface MarkdownPlan {
  /** The text to parse: the source, less container markers deeper than MAX_CONTAINER_DEPTH. */
  source: string;
  /** Micromark constructs (by name) to leave unread: their markup shows as text. */
  disable: string[];
  /** True if the text is not to be parsed at all, only shown as written. */
  plain: boolean;
}

const EMPHASIS_CONSTRUCTS = ["attention", "strikethrough"];
// GFM's footnotes look back over the brackets too, so they go with links.
const LINK_CONSTRUCTS = [
  "labelStartLink",
  "labelStartImage",
  "gfmFootnoteCall",
  "gfmPotentialFootnoteCall",
  "gfmFootnoteDefinition",
];

const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** Decides, in time linear in the text, how much of its markdown to read. */
export function planMarkdown(source: string): MarkdownPlan {
  if (source.length > MAX_MARKDOWN_LENGTH) return { source, disable: [], plain: true };
  const lines = source.split("\n");
  if (lines.length > MAX_LINES) return { source, disable: [], plain: true };
  let capped = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prefix = containerPrefix(line);
    if (prefix.depth > MAX_CONTAINER_DEPTH) {
      lines[i] = line.slice(0, prefix.cut) + line.slice(prefix.end);
      capped = true;
    }
  }
  const disable: string[] = [];
  const emphasis = emphasisRuns(source);
  if (emphasis.markers > MAX_EMPHASIS_MARKERS || emphasis.runs > MAX_EMPHASIS_RUNS) {
    disable.push(...EMPHASIS_CONSTRUCTS);
  }
  if (count(source, "[") > MAX_BRACKETS) disable.push(...LINK_CONSTRUCTS);
  if (count(source, "|") > MAX_PIPES) disable.push("table");
  return { source: capped ? lines.join("\n") : source, disable, plain: false };
}

interface Prefix {
  /** How many quote and list markers open the line. */
  depth: number;
  /** Where the MAX_CONTAINER_DEPTH-th marker ends (0 if there are fewer). */
  cut: number;
  /** Where the last marker ends. */
  end: number;
}

/** The quote (`>`) and list (`-`, `+`, `*`, `1.`, `1)`) markers at the start of a line. */
function containerPrefix(line: string): Prefix {
  let depth = 0;
  let cut = 0;
  let at = 0;
  for (;;) {
    let i = at;
    while (i - at < 3 && line[i] === " ") i++;
    const next = afterMarker(line, i);
    if (next === -1) break;
    depth++;
    if (depth === MAX_CONTAINER_DEPTH) cut = next;
    at = next;
  }
  return { depth, cut, end: at };
}

/** Where a container marker at `i` ends (with the one space after it), or -1 if none is there. */
function afterMarker(line: string, i: number): number {
  const c = line[i];
  if (c === ">") return line[i + 1] === " " || line[i + 1] === "\t" ? i + 2 : i + 1;
  if (c === "-" || c === "+" || c === "*") return isBlank(line[i + 1]) ? i + 2 : -1;
  let j = i;
  while (j - i < 9 && line[j]! >= "0" && line[j]! <= "9") j++;
  if (j === i || (line[j] !== "." && line[j] !== ")") || !isBlank(line[j + 1])) return -1;
  return j + 2;
}

/** A space or tab, or the end of the line (a marker may end it). */
function isBlank(c: string | undefined): boolean {
  return c === undefined || c === " " || c === "\t";
}

/**
 * The runs of `*`, `_` and `~`, and the characters in those that may open or close by CommonMark's
 * flanking rules (so a run alone between spaces, or `_` inside a word, is no marker). Code is not
 * told apart from text: that can only overcount, and only in text already full of markers.
 */
export function emphasisRuns(source: string): { runs: number; markers: number } {
  let runs = 0;
  let markers = 0;
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    if (c !== "*" && c !== "_" && c !== "~") {
      i++;
      continue;
    }
    let end = i;
    while (source[end] === c) end++;
    const before = source[i - 1] ?? " ";
    const after = source[end] ?? " ";
    const spaceBefore = WHITESPACE.test(before);
    const spaceAfter = WHITESPACE.test(after);
    const punctBefore = PUNCTUATION.test(before);
    const punctAfter = PUNCTUATION.test(after);
    const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    const opens = c === "_" ? left && (!right || punctBefore) : left;
    const closes = c === "_" ? right && (!left || punctAfter) : right;
    runs++;
    if (opens || closes) markers += end - i;
    i = end;
  }
  return { runs, markers };
}

function count(source: string, char: string): number {
  let n = 0;
  for (let i = source.indexOf(char); i !== -1; i = source.indexOf(char, i + 1)) n++;
  return n;
}
