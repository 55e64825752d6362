import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Badge } from "../../../components/ui/badge";
import { Button } from "../../../components/ui/button";
import type { Language } from "../../../lib/closed-sets";
import { formatClock } from "../../../lib/duration";
import { whenWording } from "../../../lib/relative-time";
import { attemptSubmissionsQuery } from "../api/attempt-submissions";
import type { Submission } from "../api/submission";
import { verdictHeadline } from "../model/verdict-wording";
import { SubmissionTests } from "./submission-tests";
import { toneText } from "../../../components/ui/tone-text";

interface SubmissionsPanelProps {
  attemptId: string | null;
  renderCode: (code: string, label: string, language: Language) => ReactNode;
}

/** The problem pane's Submissions tab: this attempt's submissions, newest first, and one's detail. */
export function SubmissionsPanel({ attemptId, renderCode }: SubmissionsPanelProps) {
  const attempt = useQuery({
    ...attemptSubmissionsQuery(attemptId ?? ""),
    enabled: attemptId !== null,
  });
  const [openId, setOpenId] = useState<string | null>(null);

  if (!attemptId || attempt.isPending) {
    return <p className="p-4 text-sm text-ink-muted">Loading your submissions…</p>;
  }
  if (attempt.isError) {
    return (
      <div role="alert" className="space-y-2 p-4 text-sm">
        <p className="text-verdict-wrong">
          Could not load your submissions: {attempt.error.message}
        </p>
        <Button size="sm" onClick={() => void attempt.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  const submissions = [...attempt.data.submissions].reverse();
  const open = submissions.find((s) => s.id === openId);
  if (open) {
    return (
      <SubmissionView submission={open} onBack={() => setOpenId(null)} renderCode={renderCode} />
    );
  }
  if (submissions.length === 0) {
    return (
      <p className="p-4 text-sm text-ink-muted">
        No submissions in this attempt yet. Submit judges your code on every test, hidden ones
        included.
      </p>
    );
  }
  return (
    <ul aria-label="Submissions" className="divide-y divide-line">
      {submissions.map((s, i) => {
        const headline = verdictHeadline(s);
        return (
          <li key={s.id}>
            <button
              type="button"
              onClick={() => setOpenId(s.id)}
              className="flex w-full flex-wrap items-baseline gap-x-3 gap-y-0.5 px-4 py-2 text-left text-sm hover:bg-surface-raised"
            >
              <span className="text-xs text-ink-muted tabular-nums">#{submissions.length - i}</span>
              <span className={`font-medium ${toneText[headline.tone]}`}>{headline.text}</span>
              {s.passed != null && s.total != null && (
                <span className="text-xs text-ink-muted tabular-nums">
                  {s.passed}/{s.total}
                </span>
              )}
              <span className="ml-auto text-xs text-ink-muted tabular-nums">
                {formatClock(s.elapsedMillis)} · {whenWording(s.createdAt)}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function SubmissionView({
  submission,
  onBack,
  renderCode,
}: {
  submission: Submission;
  onBack: () => void;
  renderCode: SubmissionsPanelProps["renderCode"];
}) {
  const headline = verdictHeadline(submission);
  return (
    <div className="flex h-full flex-col gap-3 p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="ghost" onClick={onBack}>
          ← All submissions
        </Button>
        <h3 className={`font-semibold ${toneText[headline.tone]}`}>{headline.text}</h3>
        <Badge>{submission.language}</Badge>
        <span className="text-xs text-ink-muted tabular-nums">
          at {formatClock(submission.elapsedMillis)} · {whenWording(submission.createdAt)}
        </span>
      </div>
      {submission.failure && <p className="text-ink-muted">{submission.failure}</p>}
      <SubmissionTests tests={submission.tests} />
      {submission.code != null && (
        <div className="min-h-48 flex-1">
          {renderCode(
            submission.code,
            `Submitted code in ${submission.language}, read-only`,
            submission.language,
          )}
        </div>
      )}
    </div>
  );
}
