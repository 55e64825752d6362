import { Link } from "@tanstack/react-router";
import { useState, type ReactNode } from "react";
import { Badge } from "../../../components/ui/badge";
import { Button } from "../../../components/ui/button";
import { Panel } from "../../../components/ui/panel";
import type { Language } from "../../../lib/closed-sets";
import { formatClock, hintsWording, timeVersusEstimate } from "../../../lib/duration";
import type { AttemptDetail } from "../api/attempt-detail";
import { timeline } from "../model/timeline";
import { STATE_LABELS, attemptMillis, type Labels } from "./attempts-table";
import { CodeDiff } from "./code-diff";

type Submission = AttemptDetail["submissions"][number];

interface AttemptDetailViewProps {
  attempt: AttemptDetail;
  labels: Labels;
  /** A submission's headline and per-test results, from the submissions feature. */
  renderVerdict: (submission: Submission) => ReactNode;
  renderTests: (submission: Submission) => ReactNode;
  renderCode: (code: string, label: string, language: Language) => ReactNode;
}

/** One attempt: what it took, what happened when, and every submission with its changes. */
export function AttemptDetailView({
  attempt,
  labels,
  renderVerdict,
  renderTests,
  renderCode,
}: AttemptDetailViewProps) {
  const entries = timeline(attempt.events, attempt.startedAt);
  const submissions = attempt.submissions;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <Link to="/attempts" className="text-sm text-accent hover:underline">
        ← History
      </Link>
      <header className="mt-2 flex flex-wrap items-baseline gap-x-3 gap-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{attempt.title}</h1>
        <Badge tone={attempt.difficulty}>{labels.difficulty(attempt.difficulty)}</Badge>
        <Badge>{labels.category(attempt.category)}</Badge>
        <Badge>{labels.language(attempt.language)}</Badge>
        <Badge tone={attempt.state === "accepted" ? "accepted" : "neutral"}>
          {STATE_LABELS[attempt.state]}
        </Badge>
      </header>
      <dl
        className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm"
        aria-label="Attempt summary"
        data-testid="attempt-summary"
      >
        <Fact term="Time">
          {timeVersusEstimate(attemptMillis(attempt), attempt.timer.estimateMinutes)}
        </Fact>
        <Fact term="Hints">{hintsWording(attempt.hintsUsed)}</Fact>
        <Fact term="Solution">{attempt.solutionViewed ? "opened" : "not opened"}</Fact>
        <Fact term="Submissions">{String(attempt.submissionCount)}</Fact>
      </dl>
      <div className="mt-3">
        <Link
          to="/problems/$problemId"
          params={{ problemId: attempt.problemId }}
          className="text-sm text-accent hover:underline"
        >
          {attempt.state === "open" ? "Continue this attempt" : "Open the problem"}
        </Link>
      </div>

      <div className="mt-6 grid gap-4 lg:grid-cols-[18rem_1fr]">
        <Panel label="Timeline" className="self-start">
          <ol aria-label="Timeline" className="space-y-1 p-3 text-sm">
            {entries.map((entry, i) => (
              <li key={i} className="grid grid-cols-[3.5rem_1fr] gap-2">
                <time dateTime={entry.at} className="font-mono text-xs text-ink-muted tabular-nums">
                  {entry.offset}
                </time>
                {entry.submissionId ? (
                  <a href={`#submission-${entry.submissionId}`} className="hover:text-accent">
                    {entry.text}
                  </a>
                ) : (
                  <span>{entry.text}</span>
                )}
              </li>
            ))}
          </ol>
        </Panel>
        <section aria-label="Submissions" className="space-y-4">
          {submissions.length === 0 && (
            <p className="rounded-lg border border-dashed border-line p-6 text-center text-sm text-ink-muted">
              No submissions in this attempt.
            </p>
          )}
          {submissions.map((s, i) => (
            <SubmissionCard
              key={s.id}
              number={i + 1}
              submission={s}
              previous={submissions[i - 1]}
              renderVerdict={renderVerdict}
              renderTests={renderTests}
              renderCode={renderCode}
            />
          ))}
        </section>
      </div>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-ink-muted">{term}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}

function SubmissionCard({
  number,
  submission,
  previous,
  renderVerdict,
  renderTests,
  renderCode,
}: {
  number: number;
  submission: Submission;
  previous: Submission | undefined;
  renderVerdict: AttemptDetailViewProps["renderVerdict"];
  renderTests: AttemptDetailViewProps["renderTests"];
  renderCode: AttemptDetailViewProps["renderCode"];
}) {
  const canDiff = previous?.code != null && submission.code != null;
  const [view, setView] = useState<"diff" | "code">(canDiff ? "diff" : "code");
  return (
    <article
      id={`submission-${submission.id}`}
      aria-label={`Submission ${number}`}
      className="scroll-mt-4 rounded-lg border border-line bg-surface p-3"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-xs text-ink-muted">#{number}</span>
        {renderVerdict(submission)}
        <span className="ml-auto text-xs text-ink-muted tabular-nums">
          at {formatClock(submission.elapsedMillis)} · {submission.language}
        </span>
      </div>
      {submission.failure && <p className="mt-1 text-sm text-ink-muted">{submission.failure}</p>}
      <div className="mt-2">{renderTests(submission)}</div>
      {submission.code != null && (
        <div className="mt-3 space-y-2">
          {canDiff && (
            <div className="flex gap-1" role="group" aria-label="Show">
              <Button
                size="sm"
                variant={view === "diff" ? "primary" : "secondary"}
                aria-pressed={view === "diff"}
                onClick={() => setView("diff")}
              >
                Changes
              </Button>
              <Button
                size="sm"
                variant={view === "code" ? "primary" : "secondary"}
                aria-pressed={view === "code"}
                onClick={() => setView("code")}
              >
                Code
              </Button>
            </div>
          )}
          {view === "diff" && canDiff ? (
            <CodeDiff before={previous.code!} after={submission.code} />
          ) : (
            <div className="h-72">
              {renderCode(
                submission.code,
                `Submission ${number}'s code, read-only`,
                submission.language,
              )}
            </div>
          )}
        </div>
      )}
    </article>
  );
}
