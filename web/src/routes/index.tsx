import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod/mini";
import { catalogQuery } from "../features/problems/api/catalog";
import { problemsQuery } from "../features/problems/api/problems";
import { categorySchema, difficultySchema } from "../lib/closed-sets";
import { ProblemFilters } from "../features/problems/components/problem-filters";
import { ProblemBrowser } from "../features/problems/components/problem-browser";

// Built on first use, like every schema the start-up code imports (lib/api-client.ts).
const searchSchema = z.lazy(() =>
  z.object({
    category: z.catch(z.optional(categorySchema), undefined),
    difficulty: z.catch(z.optional(difficultySchema), undefined),
  }),
);

export const Route = createFileRoute("/")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(catalogQuery),
      context.queryClient.ensureQueryData(problemsQuery(deps)),
    ]),
  component: PracticePage,
});

function PracticePage() {
  const filter = Route.useSearch();
  const { data: catalog } = useSuspenseQuery(catalogQuery);
  const { data: problems } = useSuspenseQuery(problemsQuery(filter));
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Practice</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Problems from the built-in bank, each validated by running its reference solutions.
      </p>
      <ProblemFilters catalog={catalog} filter={filter} />
      <ProblemBrowser
        problems={problems}
        catalog={catalog}
        filtered={Boolean(filter.category || filter.difficulty)}
      />
    </div>
  );
}
