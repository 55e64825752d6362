import { Link } from "@tanstack/react-router";
import { Badge } from "../../../components/ui/badge";
import { VerdictBadge } from "../../../components/ui/verdict-badge";
import {
  ATTEMPT_STATES,
  VERDICTS,
  type AttemptState,
  type Category,
  type Difficulty,
  type Language,
} from "../../../lib/closed-sets";
import { formatClock } from "../../../lib/duration";
import type { AttemptFilter, AttemptSummary } from "../api/attempts";

export const STATE_LABELS: Record<AttemptState, string> = {
  open: "Open",
  accepted: "Accepted",
  given_up: "Given up",
};

export interface Labels {
  category: (id: Category) => string;
  difficulty: (id: Difficulty) => string;
  language: (id: Language) => string;
}

/** The time an attempt took: the solve time once accepted, else the timer so far. */
export function attemptMillis(attempt: AttemptSummary): number {
  return attempt.solvedMillis ?? attempt.timer.elapsedMillis;
}

/** The history's table: one row per attempt, newest first, each linking to its detail. */
export function AttemptsTable({ items, labels }: { items: AttemptSummary[]; labels: Labels }) {
  const th = "px-3 py-2 font-medium";
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full bg-surface text-sm">
        <caption className="sr-only">Your attempts</caption>
        <thead className="bg-surface-raised text-left text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className={th}>
              Problem
            </th>
            <th scope="col" className={`${th} hidden md:table-cell`}>
              Category
            </th>
            <th scope="col" className={th}>
              Difficulty
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              Language
            </th>
            <th scope="col" className={th}>
              Verdict
            </th>
            <th scope="col" className={`${th} text-right`}>
              Time / estimate
            </th>
            <th scope="col" className={`${th} text-right`}>
              Hints
            </th>
            <th scope="col" className={th}>
              Solution
            </th>
            <th scope="col" className={`${th} hidden lg:table-cell`}>
              Date
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} className="border-t border-line hover:bg-surface-raised/60">
              <td className="px-3 py-2">
                <Link
                  to="/attempts/$attemptId"
                  params={{ attemptId: a.id }}
                  className="font-medium hover:text-accent"
                >
                  {a.title}
                </Link>
              </td>
              <td className="hidden px-3 py-2 text-ink-muted md:table-cell">
                {labels.category(a.category)}
              </td>
              <td className="px-3 py-2">
                <Badge tone={a.difficulty}>{labels.difficulty(a.difficulty)}</Badge>
              </td>
              <td className="hidden px-3 py-2 text-ink-muted sm:table-cell">
                {labels.language(a.language)}
              </td>
              <td className="px-3 py-2">
                {a.lastVerdict ? (
                  <VerdictBadge verdict={a.lastVerdict} />
                ) : (
                  <Badge>{STATE_LABELS[a.state]}</Badge>
                )}
              </td>
              <td className="px-3 py-2 text-right font-mono text-xs tabular-nums">
                {formatClock(attemptMillis(a))} / {a.timer.estimateMinutes} min
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{a.hintsUsed}</td>
              <td className="px-3 py-2 text-ink-muted">{a.solutionViewed ? "Opened" : "—"}</td>
              <td className="hidden px-3 py-2 text-ink-muted lg:table-cell">
                {new Date(a.startedAt).toLocaleDateString()}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface FiltersProps {
  filter: AttemptFilter;
  options: {
    categories: { id: Category; label: string }[];
    difficulties: { id: Difficulty; label: string }[];
    languages: { id: Language; label: string }[];
  };
  verdictLabel: (id: (typeof VERDICTS)[number]) => string;
  onChange: (next: AttemptFilter) => void;
}

/** One select per filter; choosing one goes back to the first page. */
export function AttemptFilters({ filter, options, verdictLabel, onChange }: FiltersProps) {
  const select = <K extends "category" | "difficulty" | "language" | "verdict" | "state">(
    key: K,
    label: string,
    choices: { id: string; label: string }[],
  ) => (
    <label className="flex flex-col gap-1 text-xs text-ink-muted">
      {label}
      <select
        value={filter[key] ?? ""}
        onChange={(event) =>
          onChange({ ...filter, [key]: event.target.value || undefined, page: undefined })
        }
        className="h-8 rounded-md border border-line bg-surface px-2 text-sm text-ink"
      >
        <option value="">All</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter attempts">
      {select("category", "Category", options.categories)}
      {select("difficulty", "Difficulty", options.difficulties)}
      {select("language", "Language", options.languages)}
      {select(
        "verdict",
        "Verdict",
        // A run's own words (Passed, Completed, Not run) are never a submission's verdict.
        VERDICTS.filter((v) => v !== "PASSED" && v !== "COMPLETED" && v !== "NOT_RUN").map(
          (id) => ({ id, label: verdictLabel(id) }),
        ),
      )}
      {select(
        "state",
        "State",
        ATTEMPT_STATES.map((id) => ({ id, label: STATE_LABELS[id] })),
      )}
    </div>
  );
}
