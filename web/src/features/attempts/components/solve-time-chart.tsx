import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { Stats } from "../api/stats";

const cssVar = (name: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888";

/**
 * Solve time against the estimate for the latest accepted attempts, oldest first (uPlot on a
 * canvas; the caption and the table below carry the same numbers for screen readers).
 */
export function SolveTimeChart({ solveTimes }: { solveTimes: Stats["solveTimes"] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element || solveTimes.length === 0) return;
    const x = solveTimes.map((s) => Date.parse(s.endedAt) / 1000);
    const solved = solveTimes.map((s) => Math.round((s.solvedMillis / 60_000) * 10) / 10);
    const estimate = solveTimes.map((s) => s.estimateMinutes);
    const ink = cssVar("--iv-ink-muted");
    const grid = cssVar("--iv-line");
    const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
    const chart = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: 220,
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(5, max * 1.1)] } },
        axes: [axis, { ...axis, label: "minutes", size: 50 }],
        series: [
          {},
          {
            label: "Solve time",
            stroke: cssVar("--iv-accent"),
            width: 2,
            points: { show: true, size: 6 },
            value: (_u, v) => (v == null ? "—" : `${v} min`),
          },
          {
            label: "Estimate",
            stroke: ink,
            dash: [4, 4],
            width: 1,
            points: { show: false },
            value: (_u, v) => (v == null ? "—" : `${v} min`),
          },
        ],
      },
      [x, solved, estimate],
      element,
    );
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(240, element.clientWidth), height: 220 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [solveTimes]);

  if (solveTimes.length === 0) {
    return (
      <p className="text-sm text-ink-muted">No accepted attempts yet: solve one to see it here.</p>
    );
  }
  const within = solveTimes.filter((s) => s.solvedMillis <= s.estimateMinutes * 60_000).length;
  return (
    <figure>
      <div ref={host} aria-hidden="true" data-testid="solve-time-chart" />
      <figcaption className="mt-1 text-xs text-ink-muted">
        {solveTimes.length} accepted {solveTimes.length === 1 ? "attempt" : "attempts"}, {within}{" "}
        within the estimate.
      </figcaption>
    </figure>
  );
}
