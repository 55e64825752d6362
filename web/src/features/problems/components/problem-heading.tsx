import { Badge } from "../../../components/ui/badge";
import type { Catalog } from "../api/catalog";
import type { Problem } from "../api/problem";
import { DifficultyBadge } from "./difficulty-badge";

/** The workspace header's title line: the problem's name, difficulty and category. */
export function ProblemHeading({ problem, catalog }: { problem: Problem; catalog?: Catalog }) {
  const category =
    catalog?.categories.find((c) => c.id === problem.category)?.label ?? problem.category;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
      <h1 className="truncate text-base font-semibold tracking-tight">{problem.title}</h1>
      <div className="flex items-center gap-1.5">
        <DifficultyBadge difficulty={problem.difficulty} />
        <Badge>{category}</Badge>
      </div>
    </div>
  );
}
