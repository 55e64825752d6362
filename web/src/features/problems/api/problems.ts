import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import {
  categorySchema,
  difficultySchema,
  type Category,
  type Difficulty,
} from "../../../lib/closed-sets";

// Built on first use, like every schema the start-up code imports (lib/api-client.ts).
const problemSummariesSchema = z.lazy(() =>
  z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      category: categorySchema,
      difficulty: difficultySchema,
      tags: z.array(z.string()),
      estimatedMinutes: z.number(),
      source: z.string(),
    }),
  ),
);

export type ProblemSummary = z.infer<typeof problemSummariesSchema>[number];

export interface ProblemFilter {
  category?: Category;
  difficulty?: Difficulty;
}

export function problemsQuery(filter: ProblemFilter) {
  const params = new URLSearchParams();
  if (filter.category) params.set("category", filter.category);
  if (filter.difficulty) params.set("difficulty", filter.difficulty);
  const query = params.toString();
  return queryOptions({
    queryKey: ["problems", filter.category ?? null, filter.difficulty ?? null],
    queryFn: () => getJson(`/api/problems${query ? `?${query}` : ""}`, problemSummariesSchema),
  });
}
