import { ArgumentList, TypedValue } from "../../../components/ui/typed-value";
import { VerdictBadge } from "../../../components/ui/verdict-badge";
import { readCalls } from "../../../lib/design-calls";
import { describeValue, plainText } from "../../../lib/value-model";
import { argumentNames, type Signature, type ValueType } from "../../../lib/value-type";
import type { TestResult } from "../api/run";
import { formatCpuMillis, formatMillis, isLimit } from "../model/duration";
import { testTitle } from "../model/result-rows";
import { diffShown, type Comparison } from "../model/value-diff";
import { DesignTest } from "./design-test";
import { ShortenedView } from "./value-view";

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
  const title = testTitle(test);
  const limitMessage = isLimit(test.verdict) ? test.message?.trim() || null : null;
  // A design test is read as calls unless part of it was shortened (then it shows as previews).
  const shortened = Object.keys(test.shortened ?? {}).length > 0;
  const calls = signature.kind === "class" && !shortened ? readCalls(test.args, signature) : null;
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
      {calls?.ok ? (
        <DesignTest test={test} calls={calls.value} comparison={comparison} ran={!notRunReason} />
      ) : null}
      <dl className="mt-2 grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5 text-[13px]">
        {!calls?.ok && (
          <ValueRows
            test={test}
            signature={signature}
            comparison={comparison}
            ran={!notRunReason}
            unreadableCalls={calls && !calls.ok ? calls.error : null}
          />
        )}
        {!notRunReason && (
          <>
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

/** Whether `value` is a value of the test, rather than the absence of one. */
function present(value: unknown, type: ValueType | undefined, shortened: boolean) {
  if (value === undefined || shortened) return false;
  // Null is a value only where the type allows it (a nullable or void return).
  return value !== null || type?.kind === "nullable" || type?.kind === "void";
}

/** A function's input, expected and actual values; a design test's when it cannot be read as calls. */
function ValueRows({
  test,
  signature,
  comparison,
  ran,
  unreadableCalls,
}: {
  test: TestResult;
  signature: Signature;
  comparison: Comparison;
  ran: boolean;
  unreadableCalls: string | null;
}) {
  const custom = test.kind === "custom";
  const returns = signature.kind === "function" ? signature.returns : undefined;
  const shortExpected = test.shortened?.["expected"];
  const shortActual = test.shortened?.["actual"];
  const hasExpected = present(test.expected, returns, Boolean(shortExpected));
  const hasActual = present(test.actual, returns, Boolean(shortActual));
  // A preview is cut mid-value, so a diff against it would mark differences that are not there.
  const diff =
    hasExpected && hasActual ? diffShown(test.expected, test.actual, comparison, returns) : null;
  return (
    <>
      <dt className="text-ink-muted">Input</dt>
      <dd className="font-mono break-all">
        <ArgsView test={test} signature={signature} />
        {unreadableCalls && (
          <p className="mt-1 font-sans text-xs text-verdict-internal">
            Shown as JSON: {unreadableCalls}.
          </p>
        )}
      </dd>
      {ran && (
        <>
          <dt className="text-ink-muted">{custom ? "Reference" : "Expected"}</dt>
          <dd data-testid="expected-value">
            {shortExpected ? (
              <ShortenedView shortened={shortExpected} />
            ) : diff ? (
              <TypedValue shown={diff.expected} tone="expected" />
            ) : hasExpected ? (
              <TypedValue shown={describeValue(test.expected, returns)} />
            ) : (
              <span className="text-ink-muted">not available</span>
            )}
          </dd>
          <dt className="text-ink-muted">{custom ? "Your output" : "Output"}</dt>
          <dd data-testid="actual-value">
            {shortActual ? (
              <ShortenedView shortened={shortActual} />
            ) : diff ? (
              <TypedValue shown={diff.actual} tone="actual" />
            ) : hasActual ? (
              <TypedValue shown={describeValue(test.actual, returns)} tone="actual" />
            ) : (
              <span className="text-ink-muted">no value returned</span>
            )}
          </dd>
        </>
      )}
    </>
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
function ArgsView({ test, signature }: { test: TestResult; signature: Signature }) {
  const shortened = test.shortened ?? {};
  const names = argumentNames(signature);
  const types = signature.kind === "function" ? signature.params.map((p) => p.type) : [];
  if (!test.args.some((_, i) => shortened[`args[${i}]`])) {
    return (
      <ArgumentList
        names={names}
        values={test.args.map((arg, i) => describeValue(arg, types[i]))}
      />
    );
  }
  return test.args.map((arg, i) => {
    const short = shortened[`args[${i}]`];
    return (
      <span key={i}>
        {i > 0 && ", "}
        {`${names[i] ?? `arg${i}`} = `}
        {short ? <ShortenedView shortened={short} /> : plainText(describeValue(arg, types[i]))}
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
