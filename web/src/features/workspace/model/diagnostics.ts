// Server diagnostics carry 1-based line and column; the editor needs document offsets. Line 0
// means the compiler named no line (javac does for some errors): such a one has no place.

export interface ServerDiagnostic {
  line: number;
  column?: number | null;
  message: string;
}

export interface Range {
  from: number;
  to: number;
}

/** Whether a diagnostic names a line: 0 (or anything below 1) means the line is unknown. */
export function hasLine(line: number): boolean {
  return Number.isFinite(line) && line >= 1;
}

/** "line 3:12", "line 3", or null when the line is unknown, for listing a diagnostic. */
export function diagnosticLocation(d: Pick<ServerDiagnostic, "line" | "column">): string | null {
  if (!hasLine(d.line)) return null;
  return `line ${Math.floor(d.line)}${d.column != null && d.column >= 1 ? `:${d.column}` : ""}`;
}

/**
 * The range to underline for a diagnostic: from its column to the end of the word there, or the
 * whole line when the column is missing or past the end; null when the line is unknown, rather
 * than marking line 1 as if it were known. Lines past the end are clamped to the last one.
 */
export function diagnosticRange(doc: string, line: number, column?: number | null): Range | null {
  if (!hasLine(line)) return null;
  const lines = doc.split("\n");
  const index = Math.min(Math.floor(line), lines.length) - 1;
  let start = 0;
  for (let i = 0; i < index; i++) start += lines[i]!.length + 1;
  const text = lines[index]!;
  const end = start + text.length;
  const col = column == null ? 0 : Math.floor(column);
  if (col < 1 || col > text.length) return { from: start, to: end };
  const from = start + col - 1;
  const word = /^[\w$]+/.exec(text.slice(col - 1));
  return { from, to: word ? from + word[0].length : Math.min(from + 1, end) };
}
