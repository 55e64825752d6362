import { Link } from "@tanstack/react-router";
import type { Catalog } from "../api/catalog";
import type { ProblemSummary } from "../api/problems";
import { DifficultyBadge } from "./difficulty-badge";

/** The problem table: title with its tags, category, difficulty and the time estimate. */
export function ProblemList({
  problems,
  catalog,
  marks,
}: {
  problems: ProblemSummary[];
  catalog: Catalog;
  /** Solved or attempted, by problem id, when known. */
  marks?: Record<string, "solved" | "attempted">;
}) {
  const categoryLabel = (id: string) => catalog.categories.find((c) => c.id === id)?.label ?? id;
  if (problems.length === 0) {
    return (
      <p className="mt-8 rounded-lg border border-dashed border-line p-8 text-center text-ink-muted">
        No problems match.
      </p>
    );
  }
  return (
    <table className="mt-6 w-full overflow-hidden rounded-lg border border-line bg-surface text-sm">
      <caption className="sr-only">Problems</caption>
      <thead className="bg-surface-raised text-left text-xs uppercase tracking-wide text-ink-muted">
        <tr>
          <th scope="col" className="px-4 py-2 font-medium">
            Title
          </th>
          <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">
            Category
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Difficulty
          </th>
          <th scope="col" className="hidden px-4 py-2 text-right font-medium sm:table-cell">
            Estimate
          </th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p) => (
          <tr key={p.id} className="border-t border-line hover:bg-surface-raised/60">
            <td className="px-4 py-2.5">
              <Link
                to="/problems/$problemId"
                params={{ problemId: p.id }}
                className="font-medium hover:text-accent"
              >
                {p.title}
              </Link>
              {marks?.[p.id] && <ProblemMark mark={marks[p.id]!} />}
              {p.tags.length > 0 && (
                <ul aria-label="Tags" className="mt-1 flex flex-wrap gap-1">
                  {p.tags.map((tag) => (
                    <li
                      key={tag}
                      className="rounded bg-surface-raised px-1.5 py-px text-[11px] text-ink-muted"
                    >
                      {tag}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="hidden px-4 py-2.5 text-ink-muted sm:table-cell">
              {categoryLabel(p.category)}
            </td>
            <td className="px-4 py-2.5">
              <DifficultyBadge difficulty={p.difficulty} />
            </td>
            <td className="hidden px-4 py-2.5 text-right tabular-nums text-ink-muted sm:table-cell">
              {p.estimatedMinutes} min
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProblemMark({ mark }: { mark: "solved" | "attempted" }) {
  return mark === "solved" ? (
    <span className="ml-2 text-xs text-verdict-accepted" title="Solved">
      <span aria-hidden="true">✓</span>
      <span className="sr-only">Solved</span>
    </span>
  ) : (
    <span className="ml-2 text-xs text-ink-muted" title="Attempted">
      <span aria-hidden="true">○</span>
      <span className="sr-only">Attempted</span>
    </span>
  );
}
