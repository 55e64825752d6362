import type { Shown } from "../../lib/value-model";
import { TypedValue } from "./typed-value";

/** One call of a design test as the table shows it. */
export interface CallTableRow {
  number: number;
  /** The call as code: `put(1, 1)`. */
  call: string;
  expected: Shown | null;
  actual?: Shown | null;
  differs?: boolean;
}

interface CallTableProps {
  rows: CallTableRow[];
  /** Column headings, e.g. "Expected" and "Output", or "Reference" and "Your output". */
  expectedLabel: string;
  /** Absent: no column for what the code returned (a statement's example). */
  actualLabel?: string;
  label: string;
}

function Cell({ shown, tone }: { shown: Shown | null | undefined; tone: "expected" | "actual" }) {
  // A constructor or void method returns nothing: a dash reads better than a column of nulls.
  if (shown?.kind === "void" && !shown.mark) {
    return (
      <span className="text-ink-muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">no value</span>
      </span>
    );
  }
  if (!shown) return <span className="text-ink-muted">not returned</span>;
  return <TypedValue shown={shown} tone={tone} />;
}

/** A design test as a table of calls: #, call, expected and actual returns, differing rows marked. */
export function CallTable({ rows, expectedLabel, actualLabel, label }: CallTableProps) {
  return (
    // Focusable, so a long or wide table can be scrolled from the keyboard.
    <div tabIndex={0} className="max-h-80 overflow-auto rounded-md border border-line">
      <table aria-label={label} className="w-full border-collapse text-left font-mono text-[13px]">
        <thead className="sticky top-0 bg-surface font-sans text-xs text-ink-muted">
          <tr>
            <th scope="col" className="px-2 py-1 text-right font-medium">
              #
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              Call
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {expectedLabel}
            </th>
            {actualLabel && (
              <th scope="col" className="px-2 py-1 font-medium">
                {actualLabel}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.number}
              data-differs={row.differs || undefined}
              className={`border-t border-line align-top ${row.differs ? "bg-verdict-wrong/8" : ""}`}
            >
              <td
                className={`px-2 py-1 text-right tabular-nums ${
                  row.differs
                    ? "border-l-2 border-verdict-wrong text-verdict-wrong"
                    : "text-ink-muted"
                }`}
              >
                {row.number}
                {row.differs && <span className="sr-only">, differs</span>}
              </td>
              <th scope="row" className="px-2 py-1 font-normal break-all">
                {row.call}
              </th>
              <td className="px-2 py-1 break-all">
                <Cell shown={row.expected} tone="expected" />
              </td>
              {actualLabel && (
                <td className="px-2 py-1 break-all">
                  <Cell shown={row.actual} tone="actual" />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
