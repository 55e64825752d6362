// Inline markdown for problem text: `code`, **strong**, *emphasis*, [links](https://...), escapes
// and line breaks. Problem text is untrusted, so the reader's work and the tree's depth are bounded:
// one forward scan over the text, emphasis matched with CommonMark's delimiter stack (each
// delimiter is looked at a bounded number of times) and no recursion; emphasis nested deeper than
// MAX_INLINE_DEPTH shows its markers as text.

import { linkTarget, type LinkTarget } from "./link-target";

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "link"; href: string; external: boolean; children: Inline[] }
  | { kind: "break" };

/** Counts the reader's elementary steps, so tests can check the work grows linearly with the text. */
export interface Meter {
  steps: number;
}

/** Emphasis and links nest at most this deep; deeper markup is shown as the text it was written as. */
export const MAX_INLINE_DEPTH = 8;

/** Parses inline markdown into a tree whose depth is at most MAX_INLINE_DEPTH. */
export function parseInline(source: string, meter: Meter = { steps: 0 }): Inline[] {
  return toInlines(new InlineReader(source, meter).read(), meter);
}

// The reader's working list. A delimiter is a run of `*` or `_` that may still open or close
// emphasis; a span is emphasis or a link whose children are already read.
interface Linked {
  prev: Piece | null;
  next: Piece | null;
}
interface Leaf extends Linked {
  kind: "leaf";
  inline: Inline;
}
interface Delimiter extends Linked {
  kind: "delimiter";
  char: string;
  /** Characters not yet used by a match; they show as text if they stay unused. */
  count: number;
  /** The run's length as written, which CommonMark's "rule of 3" looks at. */
  length: number;
  canOpen: boolean;
  canClose: boolean;
  /** Where the run starts in the source; orders delimiters even after others are removed. */
  at: number;
  below: Delimiter | null;
  above: Delimiter | null;
}
interface Span extends Linked {
  kind: "span";
  inline: "em" | "strong" | "link";
  /** The markup as written (`**`, `_`), shown as text if the span is too deep to nest. */
  marker: string;
  href: string;
  external: boolean;
  children: Piece[];
}
type Piece = Leaf | Delimiter | Span;

/** Where `[text](target)` ends: `textEnd` is the `]`, `end` just after the `)`. */
interface LinkSyntax {
  textEnd: number;
  end: number;
  /** Null if the target may not be followed. */
  target: LinkTarget | null;
}

interface OpenLink {
  textEnd: number;
  end: number;
  target: LinkTarget;
  /** The last piece before the link text, or null if the text starts the list. */
  before: Piece | null;
  /** The top delimiter before the link text: emphasis inside the link never matches outside it. */
  bottom: Delimiter | null;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

class InlineReader {
  private head: Piece | null = null;
  private tail: Piece | null = null;
  private top: Delimiter | null = null;
  private text = "";
  /** For each position, the next `]` at or after it (-1 if none). */
  private readonly nextBracket: Int32Array;
  /** For each position, the next `)` or whitespace at or after it: where a link target stops. */
  private readonly nextTargetEnd: Int32Array;
  /** Start positions of backtick runs by run length, and how far each list has been passed. */
  private readonly backtickRuns = new Map<number, { starts: number[]; passed: number }>();

  constructor(
    private readonly source: string,
    private readonly meter: Meter,
  ) {
    const n = source.length;
    this.nextBracket = new Int32Array(n + 1).fill(-1);
    this.nextTargetEnd = new Int32Array(n + 1).fill(-1);
    for (let i = n - 1; i >= 0; i--) {
      const c = source[i]!;
      this.nextBracket[i] = c === "]" ? i : this.nextBracket[i + 1]!;
      this.nextTargetEnd[i] = c === ")" || WHITESPACE.test(c) ? i : this.nextTargetEnd[i + 1]!;
    }
    for (let i = 0; i < n;) {
      if (source[i] !== "`") {
        i++;
        continue;
      }
      const length = this.runLength(i, "`");
      const runs = this.backtickRuns.get(length) ?? { starts: [], passed: 0 };
      runs.starts.push(i);
      this.backtickRuns.set(length, runs);
      i += length;
    }
    meter.steps += 2 * n;
  }

  read(): Piece[] {
    const source = this.source;
    let link: OpenLink | null = null;
    let i = 0;
    while (i < source.length) {
      this.meter.steps++;
      if (link && i === link.textEnd) {
        this.closeLink(link);
        i = link.end;
        link = null;
        continue;
      }
      const limit = link ? link.textEnd : source.length;
      const ch = source[i]!;
      if (ch === "\\" && i + 1 < limit) {
        const next = source[i + 1]!;
        if (next === "\n") {
          this.append({ kind: "break" });
          i += 2;
          continue;
        }
        if (ESCAPABLE.test(next)) {
          this.text += next;
          i += 2;
          continue;
        }
      }
      if (ch === "`") {
        const length = this.runLength(i, "`");
        const close = this.codeSpanClose(i, length);
        if (close !== -1 && close < limit) {
          let code = source.slice(i + length, close).replace(/\n/g, " ");
          if (code.length > 2 && code.startsWith(" ") && code.endsWith(" "))
            code = code.slice(1, -1);
          this.append({ kind: "code", text: code });
          i = close + length;
        } else {
          this.text += source.slice(i, i + length);
          i += length;
        }
        continue;
      }
      if (ch === "*" || ch === "_") {
        const length = this.runLength(i, ch);
        this.pushDelimiter(ch, i, length);
        i += length;
        continue;
      }
      if (ch === "[" && !link) {
        const found = this.linkAt(i);
        if (found?.target) {
          this.flush();
          const { textEnd, end, target } = found;
          link = { textEnd, end, target, before: this.tail, bottom: this.top };
          i++;
          continue;
        }
        if (found) {
          // A link whose target may not be followed: all of it, target included, stays text.
          this.text += source.slice(i, found.end);
          i = found.end;
          continue;
        }
      }
      if (ch === "\n") {
        if (this.text.endsWith("  ")) {
          this.text = this.text.trimEnd();
          this.append({ kind: "break" });
        } else {
          this.text += " ";
        }
        i++;
        continue;
      }
      this.text += ch;
      i++;
    }
    this.flush();
    this.processEmphasis(null);
    const pieces: Piece[] = [];
    for (let p = this.head; p; p = p.next) pieces.push(p);
    return pieces;
  }

  private runLength(from: number, ch: string): number {
    let end = from;
    while (this.source[end] === ch) end++;
    this.meter.steps += end - from;
    return end - from;
  }

  /** The start of the next backtick run of exactly `length` after `from`, or -1. */
  private codeSpanClose(from: number, length: number): number {
    const runs = this.backtickRuns.get(length);
    if (!runs) return -1;
    // Positions asked about only grow, so each list is walked once in all.
    while (runs.passed < runs.starts.length && runs.starts[runs.passed]! <= from) {
      runs.passed++;
      this.meter.steps++;
    }
    return runs.passed < runs.starts.length ? runs.starts[runs.passed]! : -1;
  }

  /** The `[text](target)` starting at `at`, if there is one. */
  private linkAt(at: number): LinkSyntax | null {
    const textEnd = this.nextBracket[at + 1]!;
    if (textEnd === -1 || textEnd === at + 1 || this.source[textEnd + 1] !== "(") return null;
    const targetEnd = this.nextTargetEnd[textEnd + 2]!;
    if (targetEnd === -1 || targetEnd === textEnd + 2 || this.source[targetEnd] !== ")") {
      return null;
    }
    this.meter.steps += targetEnd - textEnd;
    const target = linkTarget(this.source.slice(textEnd + 2, targetEnd));
    return { textEnd, end: targetEnd + 1, target };
  }

  private closeLink(link: OpenLink) {
    this.flush();
    this.processEmphasis(link.bottom);
    this.appendPiece(this.span("link", "", this.takeAfter(link.before), link.target));
  }

  private pushDelimiter(char: string, at: number, length: number) {
    // Flanking as CommonMark defines it: whether the run leans on the text after or before it.
    const before = this.source[at - 1] ?? " ";
    const after = this.source[at + length] ?? " ";
    const spaceBefore = WHITESPACE.test(before);
    const spaceAfter = WHITESPACE.test(after);
    const punctBefore = PUNCTUATION.test(before);
    const punctAfter = PUNCTUATION.test(after);
    const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    // `_` inside a word (snake_case) neither opens nor closes.
    const canOpen = char === "*" ? left : left && (!right || punctBefore);
    const canClose = char === "*" ? right : right && (!left || punctAfter);
    this.flush();
    const delimiter: Delimiter = {
      kind: "delimiter",
      char,
      count: length,
      length,
      canOpen,
      canClose,
      at,
      below: this.top,
      above: null,
      prev: null,
      next: null,
    };
    if (this.top) this.top.above = delimiter;
    this.top = delimiter;
    this.appendPiece(delimiter);
  }

  /**
   * CommonMark's "process emphasis" for the delimiters above `bottom`. `openersBottom` remembers,
   * per kind of closer, below which point no opener can match, so no delimiter is looked at again
   * for the same kind: linear in the number of delimiters.
   */
  private processEmphasis(bottom: Delimiter | null) {
    const floor = bottom ? bottom.at : -1;
    const openersBottom = new Map<string, number>();
    let closer: Delimiter | null = null;
    for (let d = this.top; d !== bottom && d; d = d.below) {
      this.meter.steps++;
      closer = d;
    }
    while (closer) {
      this.meter.steps++;
      if (!closer.canClose) {
        closer = closer.above;
        continue;
      }
      const kind = `${closer.char}${closer.length % 3}${closer.canOpen ? 1 : 0}`;
      const lowest = openersBottom.get(kind) ?? floor;
      let opener = closer.below;
      while (opener && opener.at > lowest && !pairs(opener, closer)) {
        this.meter.steps++;
        opener = opener.below;
      }
      if (!opener || opener.at <= lowest) {
        openersBottom.set(kind, closer.below ? closer.below.at : floor);
        const next: Delimiter | null = closer.above;
        if (!closer.canOpen) this.removeDelimiter(closer);
        closer = next;
        continue;
      }
      const used = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
      opener.count -= used;
      closer.count -= used;
      const marker = closer.char.repeat(used);
      const span = this.span(
        used === 2 ? "strong" : "em",
        marker,
        this.takeBetween(opener, closer),
      );
      this.insertAfter(opener, span);
      // Delimiters between the two are inside the span now: they can match nothing else.
      opener.above = closer;
      closer.below = opener;
      if (opener.count === 0) this.removeDelimiter(opener, true);
      if (closer.count === 0) {
        const next: Delimiter | null = closer.above;
        this.removeDelimiter(closer, true);
        closer = next;
      }
    }
    // What is left above the bottom is text.
    this.top = bottom;
    if (bottom) bottom.above = null;
  }

  private span(
    inline: Span["inline"],
    marker: string,
    children: Piece[],
    target: LinkTarget = { href: "", external: false },
  ): Span {
    return { kind: "span", inline, marker, children, ...target, prev: null, next: null };
  }

  private removeDelimiter(d: Delimiter, fromList = false) {
    if (d.below) d.below.above = d.above;
    if (d.above) d.above.below = d.below;
    if (this.top === d) this.top = d.below;
    if (fromList) this.unlink(d);
  }

  private flush() {
    if (this.text === "") return;
    this.appendPiece({
      kind: "leaf",
      inline: { kind: "text", text: this.text },
      prev: null,
      next: null,
    });
    this.text = "";
  }

  private append(inline: Inline) {
    this.flush();
    this.appendPiece({ kind: "leaf", inline, prev: null, next: null });
  }

  private appendPiece(piece: Piece) {
    piece.prev = this.tail;
    piece.next = null;
    if (this.tail) this.tail.next = piece;
    else this.head = piece;
    this.tail = piece;
  }

  private insertAfter(anchor: Piece, piece: Piece) {
    piece.prev = anchor;
    piece.next = anchor.next;
    if (anchor.next) anchor.next.prev = piece;
    else this.tail = piece;
    anchor.next = piece;
  }

  private unlink(piece: Piece) {
    if (piece.prev) piece.prev.next = piece.next;
    else this.head = piece.next;
    if (piece.next) piece.next.prev = piece.prev;
    else this.tail = piece.prev;
  }

  /** Removes and returns the pieces strictly between `first` and `last`. */
  private takeBetween(first: Piece, last: Piece): Piece[] {
    const taken: Piece[] = [];
    for (let p = first.next; p && p !== last; p = p.next) {
      this.meter.steps++;
      taken.push(p);
    }
    first.next = last;
    last.prev = first;
    return taken;
  }

  /** Removes and returns the pieces after `first` (all of them if it is null). */
  private takeAfter(first: Piece | null): Piece[] {
    const taken: Piece[] = [];
    for (let p = first ? first.next : this.head; p; p = p.next) {
      this.meter.steps++;
      taken.push(p);
    }
    if (first) first.next = null;
    else this.head = null;
    this.tail = first;
    return taken;
  }
}

function pairs(opener: Delimiter, closer: Delimiter): boolean {
  if (opener.char !== closer.char || !opener.canOpen) return false;
  // CommonMark's rule of 3: `*foo**bar*` is one emphasis, not two broken ones.
  const either = opener.canClose || closer.canOpen;
  const sum = opener.length + closer.length;
  return !(either && sum % 3 === 0 && !(opener.length % 3 === 0 && closer.length % 3 === 0));
}

/** Turns the read pieces into the public tree, iteratively, flattening spans nested too deep. */
function toInlines(pieces: Piece[], meter: Meter): Inline[] {
  const root: Inline[] = [];
  const frames = [{ pieces, index: 0, out: root, depth: 0, closing: "" }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.index === frame.pieces.length) {
      frames.pop();
      if (frame.closing) addText(frame.out, frame.closing);
      continue;
    }
    const piece = frame.pieces[frame.index++]!;
    meter.steps++;
    if (piece.kind === "leaf") {
      if (piece.inline.kind === "text") addText(frame.out, piece.inline.text);
      else frame.out.push(piece.inline);
    } else if (piece.kind === "delimiter") {
      if (piece.count > 0) addText(frame.out, piece.char.repeat(piece.count));
    } else if (frame.depth < MAX_INLINE_DEPTH) {
      const children: Inline[] = [];
      frame.out.push(
        piece.inline === "link"
          ? { kind: "link", href: piece.href, external: piece.external, children }
          : { kind: piece.inline, children },
      );
      frames.push({
        pieces: piece.children,
        index: 0,
        out: children,
        depth: frame.depth + 1,
        closing: "",
      });
    } else {
      addText(frame.out, piece.marker);
      frames.push({ ...frame, pieces: piece.children, index: 0, closing: piece.marker });
    }
  }
  return root;
}

function addText(out: Inline[], text: string) {
  if (text === "") return;
  const last = out[out.length - 1];
  if (last?.kind === "text") last.text += text;
  else out.push({ kind: "text", text });
}
