import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Button } from "../../../components/ui/button";
import type { Catalog } from "../api/catalog";
import type { ProblemSummary } from "../api/problems";
import { matchesSearch, pickRandom } from "../model/search";
import { ProblemList } from "./problem-list";

interface ProblemBrowserProps {
  /** The problems the URL's filters selected (the server filters by category and difficulty). */
  problems: ProblemSummary[];
  catalog: Catalog;
  filtered: boolean;
  /** Solved / attempted marks by problem id, when the history has loaded. */
  marks?: Record<string, "solved" | "attempted">;
}

/** Search by title or tag (in the page: the list is small), the table, and a random pick. */
export function ProblemBrowser({ problems, catalog, filtered, marks }: ProblemBrowserProps) {
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const shown = problems.filter((p) => matchesSearch(p, query));
  const searching = query.trim() !== "";
  const openRandom = () => {
    const pick = pickRandom(shown);
    if (pick) void navigate({ to: "/problems/$problemId", params: { problemId: pick.id } });
  };
  return (
    <>
      <div className="mt-6 flex flex-wrap items-center gap-2">
        <label htmlFor="problem-search" className="sr-only">
          Search problems by title or tag
        </label>
        <input
          id="problem-search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Search by title or tag"
          autoComplete="off"
          className="h-8 w-full max-w-xs rounded-md border border-line bg-surface px-2.5 text-sm"
        />
        <Button
          className="ml-auto"
          onClick={openRandom}
          disabled={shown.length === 0}
          title="A problem picked at random from the list below"
        >
          Random problem
        </Button>
      </div>
      <ProblemList problems={shown} catalog={catalog} marks={marks} />
      <p className="mt-4 text-xs text-ink-muted" aria-live="polite">
        {searching ? `${shown.length} of ${problems.length}` : shown.length}{" "}
        {problems.length === 1 ? "problem" : "problems"}
        {filtered || searching ? " match" : ""}
        {filtered ? " these filters" : ""}
        {searching ? `${filtered ? " and" : ""} “${query.trim()}”` : ""}.{" "}
        {filtered && (
          <Link to="/" search={{}} className="text-accent underline">
            Clear filters
          </Link>
        )}
      </p>
    </>
  );
}
