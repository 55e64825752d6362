import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, createFileRoute } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { z } from "zod/mini";
import { Button } from "../components/ui/button";
import { ErrorPanel } from "../components/ui/error-panel";
import { verdictPresentation } from "../components/ui/verdict";
import { attemptsQuery, type AttemptFilter } from "../features/attempts/api/attempts";
import { statsQuery } from "../features/attempts/api/stats";
import { AttemptFilters, AttemptsTable } from "../features/attempts/components/attempts-table";
import { HistoryCharts } from "../features/attempts/components/history-charts";
import { catalogQuery } from "../features/problems/api/catalog";
import {
  attemptStateSchema,
  categorySchema,
  difficultySchema,
  languageSchema,
  verdictSchema,
} from "../lib/closed-sets";

const PAGE_SIZE = 20;

// A filter value this page does not know (an old or hand-edited link) is dropped, not an error.
const searchSchema = z.lazy(() =>
  z.object({
    category: z.catch(z.optional(categorySchema), undefined),
    difficulty: z.catch(z.optional(difficultySchema), undefined),
    language: z.catch(z.optional(languageSchema), undefined),
    verdict: z.catch(z.optional(verdictSchema), undefined),
    state: z.catch(z.optional(attemptStateSchema), undefined),
    page: z.catch(z.optional(z.int().check(z.minimum(0))), undefined),
  }),
);

export const Route = createFileRoute("/attempts/")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    // The charts have their own loading state; the table is what the page waits for.
    void context.queryClient.prefetchQuery(statsQuery);
    return Promise.all([
      context.queryClient.ensureQueryData(catalogQuery),
      context.queryClient.ensureQueryData(attemptsQuery({ ...deps, size: PAGE_SIZE })),
    ]);
  },
  component: HistoryPage,
  pendingComponent: () => (
    <Page>
      <p className="mt-6 text-sm text-ink-muted" role="status">
        Loading your attempts…
      </p>
    </Page>
  ),
  errorComponent: ({ error }) => <ErrorPanel error={error} />,
});

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">History</h1>
      {children}
    </div>
  );
}

function HistoryPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: catalog } = useSuspenseQuery(catalogQuery);
  const { data: page } = useSuspenseQuery(attemptsQuery({ ...search, size: PAGE_SIZE }));
  const label =
    <T extends string>(list: { id: T; label: string }[]) =>
    (id: T) =>
      list.find((c) => c.id === id)?.label ?? id;
  const labels = {
    category: label(catalog.categories),
    difficulty: label(catalog.difficulties),
    language: label(catalog.languages),
  };
  const filtered = Object.entries(search).some(([key, value]) => key !== "page" && value != null);
  const setFilter = ({ category, difficulty, language, verdict, state, page }: AttemptFilter) =>
    void navigate({ search: { category, difficulty, language, verdict, state, page } });
  const pageIndex = search.page ?? 0;
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));

  if (page.total === 0 && !filtered) {
    return (
      <Page>
        <div className="mt-8 rounded-lg border border-dashed border-line p-8 text-center">
          <p className="text-ink-muted">No attempts yet — pick a problem.</p>
          <Link to="/" className="mt-3 inline-block text-accent underline">
            Go to practice
          </Link>
        </div>
      </Page>
    );
  }
  return (
    <Page>
      <div className="mt-6">
        <HistoryCharts categoryLabel={labels.category} difficultyLabel={labels.difficulty} />
      </div>
      <div className="mt-6">
        <AttemptFilters
          filter={search}
          options={catalog}
          verdictLabel={(v) => verdictPresentation(v).label}
          onChange={setFilter}
        />
      </div>
      <div className="mt-4">
        {page.items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line p-8 text-center text-ink-muted">
            No attempts match these filters.{" "}
            <Link to="/attempts" search={{}} className="text-accent underline">
              Clear filters
            </Link>
          </p>
        ) : (
          <AttemptsTable items={page.items} labels={labels} />
        )}
      </div>
      <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
        <Button
          size="sm"
          disabled={pageIndex === 0}
          onClick={() => setFilter({ ...search, page: pageIndex - 1 || undefined })}
        >
          ← Newer
        </Button>
        <span className="text-ink-muted tabular-nums">
          Page {Math.min(pageIndex + 1, pages)} of {pages} · {page.total}{" "}
          {page.total === 1 ? "attempt" : "attempts"}
        </span>
        <Button
          size="sm"
          disabled={pageIndex + 1 >= pages}
          onClick={() => setFilter({ ...search, page: pageIndex + 1 })}
        >
          Older →
        </Button>
      </nav>
    </Page>
  );
}
