import { useState } from "react";
import { Badge } from "../../../components/ui/badge";
import { Kbd } from "../../../components/ui/button";
import { FadeIn } from "../../../components/ui/fade-in";
import { ApiError, UnexpectedResponseError } from "../../../lib/api-client";
import type { RunReport } from "../api/run";
import { diagnosticLocation } from "../model/diagnostics";
import { formatMillis } from "../model/duration";
import { firstCaseToShow, notRunReason, resultCases, testRangeTitle } from "../model/result-rows";
import { runSummary } from "../model/run-summary";
import type { Signature } from "../../../lib/value-type";
import type { Comparison } from "../model/value-diff";
import { CaseTabs } from "./case-tabs";
import { TestDetails } from "./test-details";

export interface RunOutcome {
  report: RunReport;
  custom: boolean;
}

interface ResultsPanelProps {
  pending: boolean;
  /** How many tests the pending run covers, for the progress state. */
  pendingCount: number;
  error: Error | null;
  outcome: RunOutcome | null;
  /** The code changed since the outcome was produced: it is then marked as for earlier code. */
  stale?: boolean;
  signature: Signature;
  comparison: Comparison;
  shortcut: string;
}

/**
 * The Results tab, dense as on the big practice sites: what went wrong with the request first,
 * then a summary line, the compiler's diagnostics, one tab per case, and the selected case.
 */
export function ResultsPanel({
  pending,
  pendingCount,
  error,
  outcome,
  stale = false,
  signature,
  comparison,
  shortcut,
}: ResultsPanelProps) {
  if (pending) {
    return (
      <div aria-busy="true" className="space-y-3 p-3">
        <p className="flex items-center gap-2 text-sm text-ink-muted">
          <span
            aria-hidden="true"
            className="size-3 animate-spin rounded-full border-2 border-accent border-t-transparent"
          />
          Running {pendingCount} {pendingCount === 1 ? "test" : "tests"} in the sandbox…
        </p>
        <div className="flex gap-1">
          {Array.from({ length: Math.min(pendingCount, 8) }, (_, i) => (
            <div key={i} className="h-7 w-16 animate-pulse rounded-md bg-surface-raised" />
          ))}
        </div>
        <div className="h-20 animate-pulse rounded-lg bg-surface-raised" />
      </div>
    );
  }
  if (error) return <RunError error={error} />;
  if (!outcome) {
    return (
      <p className="p-4 text-sm text-ink-muted">
        Run your code to see the results here: the Run button or <Kbd>{shortcut}</Kbd>.
      </p>
    );
  }
  return (
    <RunResults outcome={outcome} stale={stale} signature={signature} comparison={comparison} />
  );
}

/** A run the server refused or could not finish: what it said, at the top. */
function RunError({ error }: { error: Error }) {
  const busy = error instanceof ApiError && (error.status === 429 || error.status === 503);
  const refused = error instanceof ApiError && (error.status === 400 || error.status === 422);
  const heading = busy
    ? "The sandbox is busy"
    : refused
      ? "The run was not accepted"
      : error instanceof UnexpectedResponseError
        ? "This page cannot show the run's result"
        : "The run did not complete";
  return (
    <div role="alert" className="m-3 rounded-lg border border-verdict-internal/40 p-3 text-sm">
      <p className="font-medium">{heading}</p>
      <p className="mt-1 text-ink-muted">
        {error.message}
        {busy && error instanceof ApiError && error.retryAfter
          ? ` Try again in ${error.retryAfter} s.`
          : ""}
      </p>
    </div>
  );
}

function RunResults({
  outcome,
  stale,
  signature,
  comparison,
}: {
  outcome: RunOutcome;
  stale: boolean;
  signature: Signature;
  comparison: Comparison;
}) {
  const { report, custom } = outcome;
  // The choice belongs to this report: a new run shows its own first failure.
  const [choice, setChoice] = useState<{ report: RunReport; index: number } | null>(null);
  const summary = runSummary(report, custom);
  const cases = resultCases(report.tests);
  const selected = choice?.report === report ? choice.index : firstCaseToShow(report.tests);
  const shown = cases[selected];
  const noneRan = report.tests.length > 0 && report.tests.every((t) => t.verdict === "NOT_RUN");
  return (
    <div className="space-y-3 p-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 className="sr-only">Overall result</h3>
        <span className="text-base font-semibold" data-testid="overall-verdict">
          <Badge tone={summary.tone}>{summary.headline}</Badge>
        </span>
        {summary.detail && <span className="text-sm text-ink-muted">{summary.detail}</span>}
        {report.wallMillis != null && (
          <span className="ml-auto text-xs text-ink-muted tabular-nums">
            {formatMillis(report.wallMillis)} total
          </span>
        )}
      </div>
      {stale && (
        <p className="text-xs text-verdict-limit" data-testid="stale-result">
          Result for an earlier version of this code. Run again to see the current one.
        </p>
      )}
      {report.diagnostics.length > 0 && (
        <ul
          aria-label="Diagnostics"
          className="space-y-1 rounded-lg bg-verdict-error/8 p-3 font-mono text-xs"
        >
          {report.diagnostics.map((d, i) => {
            const location = diagnosticLocation(d);
            return (
              <li key={i}>
                {location && <span className="text-verdict-error">{location}</span>}
                {location && " "}
                {d.message}
              </li>
            );
          })}
        </ul>
      )}
      {noneRan ? (
        <p className="text-sm text-ink-muted" data-verdict="NOT_RUN">
          {testRangeTitle(report.tests)} not run: {notRunReason(report.verdict, report.tests, 0)}
        </p>
      ) : (
        shown && (
          <>
            <CaseTabs
              tests={report.tests}
              selected={selected}
              onSelect={(index) => setChoice({ report, index })}
              panelId="case-panel"
            />
            <FadeIn
              key={selected}
              distance={3}
              role="tabpanel"
              id="case-panel"
              aria-labelledby={`case-panel-tab-${selected}`}
              className="rounded-lg border border-line p-3"
            >
              <TestDetails
                test={shown.test}
                sameErrorAs={shown.sameErrorAs}
                notRunReason={
                  shown.test.verdict === "NOT_RUN"
                    ? notRunReason(report.verdict, report.tests, selected)
                    : null
                }
                signature={signature}
                comparison={comparison}
              />
            </FadeIn>
          </>
        )
      )}
    </div>
  );
}
