import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "../../../components/ui/button";
import { formatValue } from "../../../lib/format-value";
import { hintsWording, timeVersusEstimate } from "../../../lib/duration";
import { attemptSubmissionsQuery, type AttemptSubmissions } from "../api/attempt-submissions";
import { findSimilarProblem } from "../api/similar-problem";
import type { FirstFailure, Submission } from "../api/submission";
import { useSubmitFlow } from "../hooks/submit-flow";
import { verdictHeadline } from "../model/verdict-wording";
import { toneText } from "../../../components/ui/tone-text";

interface VerdictBannerProps {
  /** The timer's estimate, for "time taken vs estimate". */
  estimateMinutes: number;
  /** Opens a new attempt at this problem (after this one has ended). */
  onNewAttempt: () => void;
  /** Shows the frozen timer once an accepted submission has ended the attempt. */
  onAttemptEnded: (timer: AttemptSubmissions["timer"]) => void;
}

/** The last submission's outcome under the header, with what to do next. */
export function VerdictBanner(props: VerdictBannerProps) {
  const flow = useSubmitFlow();
  const { state } = flow;
  if (state.status === "idle") return null;
  const frame = (children: ReactNode, role: "status" | "alert" = "status") => (
    <section
      aria-label="Submission result"
      className="border-b border-line bg-surface px-3 py-2 text-sm"
    >
      <div role={role} className="flex flex-wrap items-start gap-x-4 gap-y-1">
        <div className="min-w-0 flex-1">{children}</div>
        {state.status !== "sending" && state.status !== "judging" && (
          <Button variant="ghost" size="sm" onClick={flow.dismiss} aria-label="Dismiss result">
            ✕
          </Button>
        )}
      </div>
    </section>
  );
  switch (state.status) {
    case "sending":
      return frame(<p className="text-ink-muted">Submitting your code…</p>);
    case "judging":
      return frame(
        <p className="text-ink-muted">
          {state.submission.state === "queued"
            ? "Queued: every sandbox is busy, yours runs as soon as one frees up…"
            : "Judging on every test, public then hidden…"}
        </p>,
      );
    case "closed":
      return frame(
        <div className="flex flex-wrap items-center gap-3">
          <p>This attempt has ended, so it takes no more submissions.</p>
          <Button
            variant="primary"
            size="sm"
            onClick={() => {
              props.onNewAttempt();
              flow.dismiss();
            }}
          >
            Start a new attempt
          </Button>
        </div>,
        "alert",
      );
    case "error":
      return frame(
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-verdict-wrong">Could not submit: {state.message}</p>
          <Button size="sm" onClick={() => flow.submit(state.request)}>
            Try again
          </Button>
        </div>,
        "alert",
      );
    case "done":
      if (state.submission.state === "failed_to_run") {
        return frame(
          <div className="flex flex-wrap items-center gap-3">
            <p>
              <strong className={toneText.internal}>Could not be judged</strong>
              <span className="text-ink-muted">
                {" "}
                — {state.submission.failure ?? "the server could not run it"}. This is our fault,
                not your code&apos;s.
              </span>
            </p>
            <Button size="sm" variant="primary" onClick={() => flow.submit(state.request)}>
              Submit again
            </Button>
          </div>,
          "alert",
        );
      }
      return frame(<Judged submission={state.submission} {...props} />);
  }
}

function Judged({
  submission,
  estimateMinutes,
  onAttemptEnded,
}: VerdictBannerProps & { submission: Submission }) {
  const attempt = useQuery(attemptSubmissionsQuery(submission.attemptId));
  const headline = verdictHeadline(submission);
  const accepted = submission.verdict === "ACCEPTED";
  const ended = attempt.data?.state === "accepted" ? attempt.data.timer : undefined;
  // Once per answer: the callback changes every render, the answer only when refetched.
  const adopt = useRef(onAttemptEnded);
  useEffect(() => {
    adopt.current = onAttemptEnded;
  });
  useEffect(() => {
    if (ended) adopt.current(ended);
  }, [ended]);
  const facts = [
    `Time ${timeVersusEstimate(submission.elapsedMillis, estimateMinutes)}`,
    attempt.data ? `${capitalize(hintsWording(attempt.data.hintsUsed))} used` : "Hints …",
    attempt.data
      ? attempt.data.solutionViewed
        ? "solution opened"
        : "solution not opened"
      : "solution …",
  ];
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2
          className={`text-base font-semibold ${toneText[headline.tone]}`}
          data-testid="submission-verdict"
        >
          {headline.text}
        </h2>
        {submission.passed != null && submission.total != null && (
          <span className="text-xs text-ink-muted tabular-nums">
            {submission.passed}/{submission.total} tests passed
          </span>
        )}
        <span className="text-xs text-ink-muted tabular-nums" data-testid="submission-facts">
          {facts.join(" · ")}
        </span>
      </div>
      {!accepted && submission.verdict === "COMPILE_ERROR" && submission.diagnostics.length > 0 && (
        <ul className="font-mono text-xs text-verdict-error">
          {submission.diagnostics.slice(0, 5).map((d, i) => (
            <li key={i}>
              {d.line}:{d.column} {d.message}
            </li>
          ))}
        </ul>
      )}
      {!accepted && submission.firstFailure && <FailureView failure={submission.firstFailure} />}
      <NextActions attempt={attempt.data} />
    </div>
  );
}

function FailureView({ failure }: { failure: FirstFailure }) {
  const rows: [string, string][] = [];
  if (failure.args) rows.push(["Arguments", failure.args.map(formatValue).join(", ")]);
  if (failure.expected !== undefined) rows.push(["Expected", formatValue(failure.expected)]);
  if (failure.actual !== undefined) rows.push(["Your output", formatValue(failure.actual)]);
  if (failure.message) rows.push(["Message", failure.message]);
  if (failure.stdout) rows.push(["Stdout", failure.stdout]);
  if (failure.stderr) rows.push(["Stderr", failure.stderr]);
  if (rows.length === 0) return null;
  return (
    <dl
      className="grid max-h-40 grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 overflow-auto text-xs"
      aria-label={`Test ${failure.index + 1}, the first that did not pass`}
    >
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-ink-muted">{term}</dt>
          <dd className="font-mono break-all whitespace-pre-wrap">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function NextActions({ attempt }: { attempt: AttemptSubmissions | undefined }) {
  const navigate = useNavigate();
  const [note, setNote] = useState<string | null>(null);
  const [finding, setFinding] = useState(false);
  const another = async () => {
    if (!attempt) return;
    setFinding(true);
    try {
      const next = await findSimilarProblem(attempt);
      if (next) await navigate({ to: "/problems/$problemId", params: { problemId: next.id } });
      else setNote("No other problem of this category and difficulty yet.");
    } catch (error) {
      setNote(`Could not find one: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setFinding(false);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => void another()} disabled={!attempt || finding}>
        Another problem like this
      </Button>
      <Button
        size="sm"
        // The problem pane owns its tabs; selecting the tab keeps that pane's state in one place.
        onClick={() => document.getElementById("problem-tab-solution")?.click()}
      >
        View solution
      </Button>
      <Link
        to="/attempts"
        className="inline-flex h-7 items-center rounded-md px-2 text-xs font-medium text-accent hover:underline"
      >
        History
      </Link>
      {note && <span className="text-xs text-ink-muted">{note}</span>}
    </div>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
