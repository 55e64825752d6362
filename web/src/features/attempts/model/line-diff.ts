export type DiffLine =
  | { op: "same"; text: string; oldLine: number; newLine: number }
  | { op: "del"; text: string; oldLine: number }
  | { op: "add"; text: string; newLine: number };

/** Past this many lines times lines the table would be too big; such a pair is shown as replaced. */
const MAX_CELLS = 4_000_000;

/**
 * The lines that changed from `before` to `after`: a longest-common-subsequence diff, deletions
 * before additions where lines were replaced. Line numbers count from 1.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // The common head and tail need no table; edits between submissions are usually small.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++)
    out.push({ op: "same", text: a[i]!, oldLine: i + 1, newLine: i + 1 });
  middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head, head, out);
  for (let k = tail; k > 0; k--) {
    const i = a.length - k;
    const j = b.length - k;
    out.push({ op: "same", text: a[i]!, oldLine: i + 1, newLine: j + 1 });
  }
  return out;
}

function middle(a: string[], b: string[], aBase: number, bBase: number, out: DiffLine[]) {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    a.forEach((text, i) => out.push({ op: "del", text, oldLine: aBase + i + 1 }));
    b.forEach((text, j) => out.push({ op: "add", text, newLine: bBase + j + 1 }));
    return;
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: "same", text: a[i]!, oldLine: aBase + i + 1, newLine: bBase + j + 1 });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      out.push({ op: "del", text: a[i]!, oldLine: aBase + i + 1 });
      i++;
    } else {
      out.push({ op: "add", text: b[j]!, newLine: bBase + j + 1 });
      j++;
    }
  }
}

/** Lines without their terminators; a final newline does not make an empty last line. */
function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** How many lines were added and removed. */
export function diffStats(diff: DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff) {
    if (line.op === "add") added++;
    else if (line.op === "del") removed++;
  }
  return { added, removed };
}
