// Problem text is untrusted, and the markdown parser (micromark, under react-markdown) takes time
// quadratic in the text for a few shapes of it: containers nested deep on one line (`> > > …`,
// `- - - …`), many runs of emphasis markers that may open or close (`**` × 5000 around a word,
// `a* b_ ` repeated) and many brackets (`[x](` repeated). Real statements have none of these in
// any number, so one linear pass over the text measures them first and, past a bound, reads less:
//
// - container markers beyond MAX_CONTAINER_DEPTH on one line are dropped, their text kept (the
//   deepest quote allowed takes in every deeper one);
// - past MAX_EMPHASIS_MARKERS, emphasis and strikethrough are not read: their markers show as text;
// - past MAX_BRACKETS, links and images are not read: they show as the text they were written as;
// - past MAX_MARKDOWN_LENGTH (longer than any problem field may be) nothing is read: the text
//   shows as written.
//
// Nesting across lines (indented lists) costs the text quadratic length per level, so the length
// bound bounds it; the rendered tree's depth is capped separately (markdown-plugins.ts).

/** Longer text is shown as written: the longest problem field (the statement) holds 20000. */
export const MAX_MARKDOWN_LENGTH = 20_000;
/** Quote and list markers read at the start of one line; deeper ones are dropped. */
export const MAX_CONTAINER_DEPTH = 8;
/** Characters in runs of `*`, `_` or `~` that may open or close emphasis. */
export const MAX_EMPHASIS_MARKERS = 500;
/** `[` characters: each may start a link or an image. */
export const MAX_BRACKETS = 500;

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
const LINK_CONSTRUCTS = ["labelStartLink", "labelStartImage"];

const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** Decides, in one pass over the text, how much of its markdown to read. */
export function planMarkdown(source: string): MarkdownPlan {
  if (source.length > MAX_MARKDOWN_LENGTH) return { source, disable: [], plain: true };
  const lines = source.split("\n");
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
  if (emphasisMarkers(source) > MAX_EMPHASIS_MARKERS) disable.push(...EMPHASIS_CONSTRUCTS);
  if (count(source, "[") > MAX_BRACKETS) disable.push(...LINK_CONSTRUCTS);
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
 * The characters in runs of `*`, `_` and `~` that may open or close, by CommonMark's flanking
 * rules (so a run alone between spaces, or `_` inside a word, does not count). Code is not told
 * apart from text: that can only overcount, and only in text already full of markers.
 */
export function emphasisMarkers(source: string): number {
  let total = 0;
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
    if (opens || closes) total += end - i;
    i = end;
  }
  return total;
}

function count(source: string, char: string): number {
  let n = 0;
  for (let i = source.indexOf(char); i !== -1; i = source.indexOf(char, i + 1)) n++;
  return n;
}
