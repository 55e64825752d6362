import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Panel } from "../../../components/ui/panel";
import type { Category, Difficulty } from "../../../lib/closed-sets";
import { statsQuery } from "../api/stats";
import { SolveTimeChart } from "./solve-time-chart";

interface HistoryChartsProps {
  categoryLabel: (id: Category) => string;
  difficultyLabel: (id: Difficulty) => string;
}

/** The history's charts: solve time vs estimate, pass rate by category, hints by difficulty. */
export function HistoryCharts({ categoryLabel, difficultyLabel }: HistoryChartsProps) {
  const stats = useQuery(statsQuery);
  // A fixed height while loading, so the table below does not move when the charts arrive.
  if (stats.isPending) {
    return <div className="h-72 rounded-lg border border-line bg-surface" aria-busy="true" />;
  }
  if (stats.isError) {
    return (
      <p role="alert" className="rounded-lg border border-line p-4 text-sm text-verdict-wrong">
        Could not load the charts: {stats.error.message}
      </p>
    );
  }
  const { solveTimes, byCategory, byDifficulty } = stats.data;
  return (
    <div className="grid gap-3 lg:grid-cols-3">
      <Panel label="Solve time vs estimate" className="p-3 lg:col-span-3 xl:col-span-1">
        <SolveTimeChart solveTimes={solveTimes} />
      </Panel>
      <Panel label="Pass rate by category" className="p-3">
        <Bars
          label="Pass rate by category"
          rows={byCategory.map((c) => ({
            key: c.category,
            name: categoryLabel(c.category),
            value: c.attempts ? c.accepted / c.attempts : 0,
            text: `${c.accepted}/${c.attempts}`,
          }))}
          max={1}
          tone="bg-verdict-accepted"
        />
      </Panel>
      <Panel label="Hints by difficulty" className="p-3">
        <Bars
          label="Average hints used by difficulty"
          rows={byDifficulty.map((d) => ({
            key: d.difficulty,
            name: difficultyLabel(d.difficulty),
            value: d.averageHints,
            text: `${d.averageHints.toFixed(1)} avg · solution ${d.solutionViewed}/${d.attempts}`,
          }))}
          max={Math.max(1, ...byDifficulty.map((d) => d.averageHints))}
          tone="bg-accent"
        />
      </Panel>
    </div>
  );
}

interface BarRow {
  key: string;
  name: string;
  value: number;
  text: ReactNode;
}

/** Horizontal bars as a list: the numbers are text, so they read without the picture. */
function Bars({
  label,
  rows,
  max,
  tone,
}: {
  label: string;
  rows: BarRow[];
  max: number;
  tone: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-ink-muted">Nothing yet.</p>;
  return (
    <ul aria-label={label} className="space-y-1.5 text-xs">
      {rows.map((row) => (
        <li key={row.key} className="grid grid-cols-[7rem_1fr_auto] items-center gap-2">
          <span className="truncate" title={row.name}>
            {row.name}
          </span>
          <span className="h-2 overflow-hidden rounded-full bg-surface-raised" aria-hidden="true">
            <span
              className={`block h-full rounded-full ${tone}`}
              style={{ width: `${Math.min(100, (row.value / max) * 100)}%` }}
            />
          </span>
          <span className="text-ink-muted tabular-nums">{row.text}</span>
        </li>
      ))}
    </ul>
  );
}
