import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { formatClock } from "../../../lib/duration";
import { continueQuery, type AttemptSummary } from "../api/attempts";

/** "Continue": attempts in progress, each with its timer (the server's value, ticking locally). */
export function ContinueRow() {
  const open = useQuery(continueQuery());
  const items = open.data?.items ?? [];
  const anyRunning = items.some((a) => a.timer.running);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!anyRunning) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [anyRunning]);
  if (items.length === 0) return null;
  const elapsed = (a: AttemptSummary) =>
    a.timer.elapsedMillis + (a.timer.running ? Math.max(0, now - open.dataUpdatedAt) : 0);
  return (
    <section aria-labelledby="continue-heading" className="mt-6">
      <h2 id="continue-heading" className="text-sm font-semibold text-ink-muted">
        Continue
      </h2>
      <ul className="mt-2 flex gap-2 overflow-x-auto pb-1">
        {items.map((a) => (
          <li key={a.id} className="shrink-0">
            <Link
              to="/problems/$problemId"
              params={{ problemId: a.problemId }}
              className="flex min-w-48 flex-col rounded-lg border border-line bg-surface px-3 py-2 text-sm hover:border-accent"
            >
              <span className="font-medium">{a.title}</span>
              <span className="text-xs text-ink-muted tabular-nums">
                <span role="timer" aria-label={`${formatClock(elapsed(a))} elapsed`}>
                  {formatClock(elapsed(a))}
                </span>{" "}
                of {a.timer.estimateMinutes} min
                {a.timer.running ? "" : a.timer.started ? " · paused" : " · not started"}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
