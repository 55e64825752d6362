import { VerdictBadge } from "../../../components/ui/verdict-badge";
import { formatArgs, formatValue } from "../../../lib/format-value";
import { argumentNames, type Signature } from "../../../lib/value-type";
import type { TestResult } from "../api/run";
import { formatCpuMillis, formatMillis, isLimit } from "../model/duration";
import { testTitle } from "../model/result-rows";
import { diffValues, type Comparison } from "../model/value-diff";
import { SegmentsView, ShortenedView, ValueView } from "./value-view";

interface TestDetailsProps {
  test: TestResult;
  /** An earlier test that failed with this same message: the message is then shown folded. */
  sameErrorAs: TestResult | null;
  /** Set when the test did not run: why, in a few words. */
  notRunReason: string | null;
  signature: Signature;
  comparison: Comparison;
}

/** One case's details: input, expected vs actual with differences marked, message and output. */
export function TestDetails({
  test,
  sameErrorAs,
  notRunReason,
  signature,
  comparison,
}: TestDetailsProps) {
  const paramNames = argumentNames(signature);
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
    <article aria-label={title} className="text-sm" data-verdict={test.verdict}>
      <header className="flex items-center gap-2">
        <h4 className="font-medium">{title}</h4>
        <VerdictBadge verdict={test.verdict} />
        <TestTime wallMillis={test.timeMillis} cpuMillis={test.cpuMillis} />
      </header>
      {notRunReason && (
        <p className="mt-2 text-ink-muted">
          {title} not run: {notRunReason}
        </p>
      )}
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
        {!notRunReason && (
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

/** Wall time, and the CPU time that decides a time limit, e.g. "12 ms · 9 ms CPU", "<1 ms". */
function TestTime({
  wallMillis,
  cpuMillis,
}: {
  wallMillis: number | null | undefined;
  cpuMillis: number | null | undefined;
}) {
  const parts = [
    wallMillis != null ? formatMillis(wallMillis) : null,
    cpuMillis != null ? `${formatCpuMillis(cpuMillis)} CPU` : null,
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
