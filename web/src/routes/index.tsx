import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod/mini";
import { catalogQuery } from "../features/problems/api/catalog";
import { problemsQuery } from "../features/problems/api/problems";
import { categorySchema, difficultySchema } from "../lib/closed-sets";
import { ProblemFilters } from "../features/problems/components/problem-filters";
import { ProblemBrowser } from "../features/problems/components/problem-browser";
import { attemptsQuery, continueQuery } from "../features/attempts/api/attempts";
import { ContinueRow } from "../features/attempts/components/continue-row";
import { problemMarks } from "../features/attempts/model/problem-marks";

// Solved/attempted marks: the latest 100 attempts are enough for a mark per problem.
const marksQuery = attemptsQuery({ size: 100 });

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
      // Alongside, so the Continue row does not push the table down; without it the page still shows.
      context.queryClient.ensureQueryData(continueQuery()).catch(() => undefined),
    ]),
  component: PracticePage,
});

function PracticePage() {
  const filter = Route.useSearch();
  const { data: catalog } = useSuspenseQuery(catalogQuery);
  const { data: problems } = useSuspenseQuery(problemsQuery(filter));
  const marks = useQuery({ ...marksQuery, select: (page) => problemMarks(page.items) });
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Practice</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Problems from the built-in bank, each validated by running its reference solutions.
      </p>
      <ContinueRow />
      <ProblemFilters catalog={catalog} filter={filter} />
      <ProblemBrowser
        problems={problems}
        catalog={catalog}
        filtered={Boolean(filter.category || filter.difficulty)}
        marks={marks.data}
      />
    </div>
  );
}
