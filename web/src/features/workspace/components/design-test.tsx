import { CallTable } from "../../../components/ui/call-table";
import type { Call } from "../../../lib/design-calls";
import type { TestResult } from "../api/run";
import { diffCalls, firstDifference } from "../model/design-diff";
import { testTitle } from "../model/result-rows";
import type { Comparison } from "../model/value-diff";

/** A design test: the first differing call in words, then every call with its returns. */
export function DesignTest({
  test,
  calls,
  comparison,
  ran,
}: {
  test: TestResult;
  calls: Call[];
  comparison: Comparison;
  ran: boolean;
}) {
  const custom = test.kind === "custom";
  const rows = diffCalls(calls, test.expected, ran ? test.actual : undefined, comparison);
  const first = firstDifference(rows);
  return (
    <div className="mt-2 space-y-2">
      {first && (
        <p className="text-[13px]" data-testid="first-difference">
          Call {first.row.call.number}, <code className="font-mono">{first.row.call.text}</code>:{" "}
          {first.text}
        </p>
      )}
      <CallTable
        label={`Calls of ${testTitle(test).toLowerCase()}`}
        expectedLabel={custom ? "Reference" : "Expected"}
        actualLabel={
          ran && test.actual !== undefined ? (custom ? "Your output" : "Output") : undefined
        }
        rows={rows.map((row) => ({
          number: row.call.number,
          call: row.call.text,
          expected: row.expected,
          actual: row.actual,
          differs: row.differs,
        }))}
      />
    </div>
  );
}
