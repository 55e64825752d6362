import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import {
  attemptStateSchema,
  categorySchema,
  difficultySchema,
  languageSchema,
  verdictSchema,
  type AttemptState,
  type Category,
  type Difficulty,
  type Language,
  type Verdict,
} from "../../../lib/closed-sets";

const maybe = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema));

// The route loaders import these modules, so every schema is built on first use
// (lib/api-client.ts says why).

/** An attempt's fields as the history lists it; the detail adds to them. */
export const attemptSummaryShape = () => ({
  id: z.string(),
  problemId: z.string(),
  title: z.string(),
  category: categorySchema,
  difficulty: difficultySchema,
  language: languageSchema,
  state: attemptStateSchema,
  startedAt: z.string(),
  endedAt: maybe(z.string()),
  timer: z.object({
    elapsedMillis: z.number(),
    running: z.boolean(),
    started: z.boolean(),
    estimateMinutes: z.number(),
  }),
  hintsUsed: z.number(),
  solutionViewed: z.boolean(),
  submissionCount: z.number(),
  lastVerdict: maybe(verdictSchema),
  solvedMillis: maybe(z.number()),
});

const attemptPageSchema = z.lazy(() =>
  z.object({
    items: z.array(z.object(attemptSummaryShape())),
    page: z.number(),
    size: z.number(),
    total: z.number(),
  }),
);

export type AttemptSummary = AttemptPage["items"][number];
export type AttemptPage = z.infer<typeof attemptPageSchema>;

export interface AttemptFilter {
  category?: Category;
  difficulty?: Difficulty;
  language?: Language;
  verdict?: Verdict;
  state?: AttemptState;
  page?: number;
  size?: number;
}

const FILTER_KEYS = [
  "category",
  "difficulty",
  "language",
  "verdict",
  "state",
  "page",
  "size",
] as const;

/** The query string for a filter, keys in a fixed order so equal filters share a cache entry. */
export function attemptsSearch(filter: AttemptFilter): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined) params.set(key, String(value));
  }
  return params.toString();
}

/** The open attempts the home page offers to continue. */
export const continueQuery = () => attemptsQuery({ state: "open", size: 5 });

/** The caller's attempts, newest first, one page of them. */
export function attemptsQuery(filter: AttemptFilter) {
  const search = attemptsSearch(filter);
  return queryOptions({
    queryKey: ["attempts", "list", search],
    queryFn: ({ signal }) =>
      getJson(`/api/attempts${search ? `?${search}` : ""}`, attemptPageSchema, signal),
  });
}
