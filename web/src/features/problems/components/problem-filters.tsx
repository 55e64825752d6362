import { Link } from "@tanstack/react-router";
import type { Catalog } from "../api/catalog";
import type { ProblemFilter } from "../api/problems";

// Active and inactive chips carry disjoint colour classes, so neither depends on CSS order.
const chip = "rounded-full border px-3 py-1 text-sm transition-colors";
const chipInactive = "border-line text-ink-muted hover:text-ink";
const chipActive = "border-accent bg-accent text-accent-ink";

/** Category chips and a difficulty segmented control; the filter lives in the URL. */
export function ProblemFilters({ catalog, filter }: { catalog: Catalog; filter: ProblemFilter }) {
  return (
    <div className="mt-6 flex flex-col gap-4">
      <nav aria-label="Category" className="flex flex-wrap gap-2">
        <Link
          to="/"
          search={{ difficulty: filter.difficulty }}
          className={`${chip} ${filter.category ? chipInactive : chipActive}`}
          aria-current={filter.category ? undefined : "true"}
        >
          All categories
        </Link>
        {catalog.categories.map((c) => (
          <Link
            key={c.id}
            to="/"
            search={{ category: c.id, difficulty: filter.difficulty }}
            className={`${chip} ${filter.category === c.id ? chipActive : chipInactive}`}
            aria-current={filter.category === c.id ? "true" : undefined}
          >
            {c.label}
          </Link>
        ))}
      </nav>
      <nav
        aria-label="Difficulty"
        className="inline-flex w-fit overflow-hidden rounded-lg border border-line"
      >
        {[{ id: undefined, label: "Any" }, ...catalog.difficulties].map((d) => {
          const active = filter.difficulty === d.id;
          return (
            <Link
              key={d.id ?? "any"}
              to="/"
              search={{ category: filter.category, difficulty: d.id }}
              className={`px-4 py-1.5 text-sm ${active ? "bg-accent text-accent-ink" : "text-ink-muted hover:bg-surface-raised hover:text-ink"}`}
              aria-current={active ? "true" : undefined}
            >
              {d.label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
