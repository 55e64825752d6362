import { Badge } from "../../../components/ui/badge";
import { Kbd } from "../../../components/ui/button";
import { FadeIn } from "../../../components/ui/fade-in";
import { VerdictBadge } from "../../../components/ui/verdict-badge";
import { ApiError, UnexpectedResponseError } from "../../../lib/api-client";
import { isSuccess, type Verdict } from "../../../lib/closed-sets";
import { formatArgs, formatValue } from "../../../lib/format-value";
import type { RunReport, TestResult } from "../api/run";
import { diagnosticLocation } from "../model/diagnostics";
import { formatMillis, isLimit } from "../model/duration";
import { resultRows, testRangeTitle, testTitle } from "../model/result-rows";
import { runSummary } from "../model/run-summary";
import { diffValues, type Comparison } from "../model/value-diff";
import { SegmentsView, ShortenedView, ValueView } from "./value-view";

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
  paramNames: string[];
  comparison: Comparison;
  shortcut: string;
}

/** The Results tab: the overall result, then one card per test with a diff of expected vs actual. */
export function ResultsPanel({
  pending,
  pendingCount,
  error,
  outcome,
  paramNames,
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
        {Array.from({ length: Math.min(pendingCount, 4) }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg bg-surface-raised" />
        ))}
      </div>
    );
  }
  if (error) {
    const busy = error instanceof ApiError && (error.status === 429 || error.status === 503);
    const heading = busy
      ? "The sandbox is busy"
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
  if (!outcome) {
    return (
      <p className="p-4 text-sm text-ink-muted">
        Run your code to see the results here: the Run button or <Kbd>{shortcut}</Kbd>.
      </p>
    );
  }
  const { report, custom } = outcome;
  const summary = runSummary(report, custom);
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
      <ol className="space-y-2" aria-label="Test results">
        {resultRows(report.tests).map((row, i, rows) => {
          const first = row.kind === "test" ? row.test : row.tests[0]!;
          const previous = rows[i - 1];
          return (
            <FadeIn as="li" key={`${first.kind}-${first.index}`} delay={Math.min(i, 8) * 0.035}>
              {row.kind === "not-run" ? (
                <NotRunRow
                  tests={row.tests}
                  reason={notRunReason(
                    report.verdict,
                    previous?.kind === "test" ? previous.test : null,
                    row.tests[0]!.message,
                  )}
                />
              ) : (
                <TestCard
                  test={row.test}
                  sameErrorAs={row.sameErrorAs}
                  paramNames={paramNames}
                  comparison={comparison}
                  compact={isSuccess(row.test.verdict) && !isSuccess(report.verdict)}
                />
              )}
            </FadeIn>
          );
        })}
      </ol>
    </div>
  );
}

/** Why a run of tests did not run, in a few words after "Tests 2–5 not run: ". */
function notRunReason(
  runVerdict: Verdict,
  previous: TestResult | null,
  message: string | null | undefined,
): string {
  if (runVerdict === "COMPILE_ERROR") return "the code did not compile";
  if (previous && !isSuccess(previous.verdict)) {
    return `${testTitle(previous).toLowerCase()} ended the run`;
  }
  return message?.trim() || "an earlier test ended the run";
}

/** Tests that never ran, as one compact row instead of a card each. */
function NotRunRow({ tests, reason }: { tests: TestResult[]; reason: string }) {
  return (
    <p
      className="flex items-center gap-2 rounded-lg border border-dashed border-line px-3 py-2 text-sm text-ink-muted"
      data-verdict="NOT_RUN"
    >
      <VerdictBadge verdict="NOT_RUN" />
      <span>
        {testRangeTitle(tests)} not run: {reason}
      </span>
    </p>
  );
}

function TestCard({
  test,
  sameErrorAs,
  paramNames,
  comparison,
  compact,
}: {
  test: TestResult;
  /** An earlier test that failed with this same message: the message is then shown folded. */
  sameErrorAs: TestResult | null;
  paramNames: string[];
  comparison: Comparison;
  /** Passed tests in a failing run show only their input, so the failures stay in view. */
  compact: boolean;
}) {
  const custom = test.kind === "custom";
  const title = testTitle(test);
  const shortExpected = test.shortened?.["expected"];
  const shortActual = test.shortened?.["actual"];
  const hasExpected = test.expected !== undefined && test.expected !== null;
  const hasActual = test.actual !== undefined && test.actual !== null;
  // A preview is cut mid-value, so a diff against it would mark differences that are not there.
  const diff =
    hasExpected && hasActual && !shortExpected && !shortActual
      ? diffValues(test.expected, test.actual, comparison)
      : null;
  const limitMessage = isLimit(test.verdict) ? test.message?.trim() || null : null;
  return (
    <article
      aria-label={title}
      className="rounded-lg border border-line bg-surface p-3 text-sm"
      data-verdict={test.verdict}
    >
      <header className="flex items-center gap-2">
        <h4 className="font-medium">{title}</h4>
        <VerdictBadge verdict={test.verdict} />
        <TestTime wallMillis={test.timeMillis} cpuMillis={test.cpuMillis} />
      </header>
      {limitMessage && (
        // Which limit was hit (CPU per test, or the run's wall time) is the first thing to know.
        <p className="mt-2 text-[13px] text-verdict-limit" data-testid="limit-message">
          {limitMessage}
        </p>
      )}
      <dl className="mt-2 grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5 text-[13px]">
        <dt className="text-ink-muted">Input</dt>
        <dd className="font-mono break-all">
          <ArgsView test={test} paramNames={paramNames} />
        </dd>
        {!compact && (
          <>
            <dt className="text-ink-muted">{custom ? "Reference" : "Expected"}</dt>
            <dd>
              {shortExpected ? (
                <ShortenedView shortened={shortExpected} />
              ) : diff ? (
                <SegmentsView segments={diff.expected} tone="expected" />
              ) : hasExpected ? (
                <ValueView value={test.expected} />
              ) : (
                <span className="text-ink-muted">not available</span>
              )}
            </dd>
            <dt className="text-ink-muted">{custom ? "Your output" : "Output"}</dt>
            <dd>
              {shortActual ? (
                <ShortenedView shortened={shortActual} />
              ) : diff ? (
                <SegmentsView segments={diff.actual} tone="actual" />
              ) : hasActual ? (
                <ValueView value={test.actual} />
              ) : (
                <span className="text-ink-muted">no value returned</span>
              )}
            </dd>
            {test.message && !limitMessage && (
              <>
                <dt className="text-ink-muted">Message</dt>
                <dd className="font-mono text-xs break-all whitespace-pre-wrap">
                  {sameErrorAs ? (
                    <details>
                      <summary className="cursor-pointer font-sans text-ink-muted">
                        Same error as {testTitle(sameErrorAs).toLowerCase()}
                      </summary>
                      {test.message}
                    </details>
                  ) : (
                    test.message
                  )}
                </dd>
              </>
            )}
            {test.stdout && (
              <Stream label="Stdout" text={test.stdout} truncated={Boolean(test.stdoutTruncated)} />
            )}
            {test.stderr && (
              <Stream label="Stderr" text={test.stderr} truncated={Boolean(test.stderrTruncated)} />
            )}
          </>
        )}
      </dl>
    </article>
  );
}

/** Wall time, and the CPU time that decides a time limit, e.g. "12 ms · 9 ms CPU", "<1 ms · <1 ms CPU". */
function TestTime({
  wallMillis,
  cpuMillis,
}: {
  wallMillis: number | null | undefined;
  cpuMillis: number | null | undefined;
}) {
  const parts = [
    wallMillis != null ? formatMillis(wallMillis) : null,
    cpuMillis != null ? `${formatMillis(cpuMillis)} CPU` : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return null;
  return <span className="ml-auto text-xs text-ink-muted tabular-nums">{parts.join(" · ")}</span>;
}

/** The call's arguments as `name = value`; an argument too long to send shows its preview. */
function ArgsView({ test, paramNames }: { test: TestResult; paramNames: string[] }) {
  const shortened = test.shortened ?? {};
  if (!test.args.some((_, i) => shortened[`args[${i}]`])) {
    return formatArgs(paramNames, test.args);
  }
  return test.args.map((arg, i) => {
    const short = shortened[`args[${i}]`];
    return (
      <span key={i}>
        {i > 0 && ", "}
        {`${paramNames[i] ?? `arg${i}`} = `}
        {short ? <ShortenedView shortened={short} /> : formatValue(arg)}
      </span>
    );
  });
}

function Stream({ label, text, truncated }: { label: string; text: string; truncated: boolean }) {
  return (
    <>
      <dt className="text-ink-muted">{label}</dt>
      <dd>
        <pre className="max-h-40 overflow-auto rounded-md bg-surface-raised p-2 font-mono text-xs whitespace-pre-wrap">
          {text}
        </pre>
        {truncated && (
          <p className="mt-1 text-xs text-verdict-limit">Output truncated by the sandbox.</p>
        )}
      </dd>
    </>
  );
}
