import { VerdictBadge } from "../../../components/ui/verdict-badge";
import type { SubmissionTest } from "../api/submission";
import { formatCpuMillis, formatMillis } from "../../workspace/model/duration";

/** A submission's per-test verdicts: number, public or hidden, verdict and time. */
export function SubmissionTests({ tests }: { tests: SubmissionTest[] }) {
  if (tests.length === 0) return <p className="text-xs text-ink-muted">No tests ran.</p>;
  return (
    <table className="w-full text-xs">
      <caption className="sr-only">Per-test results</caption>
      <thead className="text-left text-ink-muted">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Test
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Kind
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Verdict
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Time
          </th>
        </tr>
      </thead>
      <tbody>
        {tests.map((test) => (
          <tr key={test.index} className="border-t border-line" data-verdict={test.verdict}>
            <td className="py-1 pr-3 tabular-nums">{test.index + 1}</td>
            <td className="py-1 pr-3 text-ink-muted">{test.kind}</td>
            <td className="py-1 pr-3">
              <VerdictBadge verdict={test.verdict} />
            </td>
            <td className="py-1 text-right tabular-nums text-ink-muted">
              {test.cpuMillis != null
                ? `${formatCpuMillis(test.cpuMillis)} CPU`
                : test.timeMillis != null
                  ? formatMillis(test.timeMillis)
                  : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
