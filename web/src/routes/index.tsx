import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, useLocation } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { z } from "zod/mini";
import { catalogQuery } from "../features/problems/api/catalog";
import { problemsQuery } from "../features/problems/api/problems";
import { categorySchema, difficultySchema } from "../lib/closed-sets";
import { ProblemFilters } from "../features/problems/components/problem-filters";
import { ProblemBrowser } from "../features/problems/components/problem-browser";
import { attemptsQuery, continueQuery } from "../features/attempts/api/attempts";
import { ContinueRow } from "../features/attempts/components/continue-row";
import { problemMarks } from "../features/attempts/model/problem-marks";
import { generatorQuery } from "../features/generation/api/generator";
import { GeneratorPanel } from "../features/generation/components/generator-panel";
import { PracticeHeading } from "./-practice-heading";
import { AccountDeletedNotice } from "../features/account/components/account-deleted-notice";

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
  loaderDeps: ({ search }) => ({ category: search.category, difficulty: search.difficulty }),
  loader: ({ context, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(catalogQuery),
      context.queryClient.ensureQueryData(problemsQuery(deps)),
      // Alongside, so the Continue row does not push the table down; without it the page still shows.
      context.queryClient.ensureQueryData(continueQuery()).catch(() => undefined),
      // The generator's note and quota, likewise: the panel works without them.
      context.queryClient.ensureQueryData(generatorQuery).catch(() => undefined),
    ]),
  component: PracticePage,
});

function PracticePage() {
  const filter = Route.useSearch();
  const { data: catalog } = useSuspenseQuery(catalogQuery);
  const { data: problems } = useSuspenseQuery(problemsQuery(filter));
  const marks = useQuery({ ...marksQuery, select: (page) => problemMarks(page.items) });
  const list = useRef<HTMLElement>(null);
  const { hash } = useLocation();
  // "#problems" (a failed generation's "Browse the bank") brings the list into view and focus.
  useEffect(() => {
    if (hash === "problems") list.current?.focus();
  }, [hash]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <PracticeHeading />
      <AccountDeletedNotice />
      <GeneratorPanel labels={catalog} />
      <ContinueRow />
      <section
        id="problems"
        ref={list}
        tabIndex={-1}
        aria-labelledby="problems-heading"
        className="mt-8 outline-none"
      >
        <h2 id="problems-heading" className="text-sm font-semibold text-ink-muted">
          All problems
        </h2>
        <ProblemFilters catalog={catalog} filter={filter} />
        <ProblemBrowser
          problems={problems}
          catalog={catalog}
          filtered={Boolean(filter.category || filter.difficulty)}
          marks={marks.data}
        />
      </section>
    </div>
  );
}
