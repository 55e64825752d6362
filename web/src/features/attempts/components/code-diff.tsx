import { diffStats, lineDiff } from "../model/line-diff";

const rowTone = {
  same: "",
  add: "bg-verdict-accepted/10",
  del: "bg-verdict-wrong/10",
} as const;
const sign = { same: " ", add: "+", del: "−" } as const;

/** The lines that changed between two submissions' code, with old and new line numbers. */
export function CodeDiff({ before, after }: { before: string; after: string }) {
  const diff = lineDiff(before, after);
  const { added, removed } = diffStats(diff);
  if (added === 0 && removed === 0) {
    return <p className="text-xs text-ink-muted">The same code as the previous submission.</p>;
  }
  return (
    <div className="overflow-auto rounded-md border border-line">
      <p className="border-b border-line px-2 py-1 text-xs text-ink-muted">
        <span className="text-verdict-accepted">+{added}</span>{" "}
        <span className="text-verdict-wrong">−{removed}</span> lines against the previous submission
      </p>
      <table className="w-full font-mono text-xs">
        <caption className="sr-only">
          Changes against the previous submission: {added} lines added, {removed} removed
        </caption>
        <tbody>
          {diff.map((line, i) => (
            <tr key={i} className={rowTone[line.op]} data-op={line.op}>
              <td className="w-10 px-1 text-right text-ink-muted select-none tabular-nums">
                {line.op !== "add" ? line.oldLine : ""}
              </td>
              <td className="w-10 px-1 text-right text-ink-muted select-none tabular-nums">
                {line.op !== "del" ? line.newLine : ""}
              </td>
              <td className="w-4 text-center select-none" aria-hidden="true">
                {sign[line.op]}
              </td>
              <td className="pr-2 whitespace-pre">
                {line.op === "same" ? (
                  ""
                ) : (
                  <span className="sr-only">{line.op === "add" ? "added: " : "removed: "}</span>
                )}
                {line.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
