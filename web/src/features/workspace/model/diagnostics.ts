// Server diagnostics carry 1-based line and column; the editor needs document offsets.

export interface ServerDiagnostic {
  line: number;
  column?: number | null;
  message: string;
}

export interface Range {
  from: number;
  to: number;
}

/**
 * The range to underline for a diagnostic: from its column to the end of the word there, or the
 * whole line when the column is missing or past the end. Out-of-range lines are clamped, so a
 * diagnostic never points outside the document.
 */
export function diagnosticRange(doc: string, line: number, column?: number | null): Range {
  const lines = doc.split("\n");
  const index = Math.min(Math.max(1, Math.floor(line) || 1), lines.length) - 1;
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
