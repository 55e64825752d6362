import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import { categorySchema, difficultySchema } from "../../../lib/closed-sets";

// Built on first use: the history route's loader (in the entry) imports this module.
const statsSchema = z.lazy(() =>
  z.object({
    totals: z.object({
      attempts: z.number(),
      open: z.number(),
      accepted: z.number(),
      givenUp: z.number(),
    }),
    solveTimes: z.array(
      z.object({
        attemptId: z.string(),
        endedAt: z.string(),
        solvedMillis: z.number(),
        estimateMinutes: z.number(),
        difficulty: difficultySchema,
      }),
    ),
    byCategory: z.array(
      z.object({ category: categorySchema, attempts: z.number(), accepted: z.number() }),
    ),
    byDifficulty: z.array(
      z.object({
        difficulty: difficultySchema,
        attempts: z.number(),
        accepted: z.number(),
        averageHints: z.number(),
        solutionViewed: z.number(),
      }),
    ),
  }),
);

export type Stats = z.infer<typeof statsSchema>;

/** What the history's charts draw, computed by the server over all the caller's attempts. */
export const statsQuery = queryOptions({
  queryKey: ["attempts", "stats"],
  queryFn: ({ signal }) => getJson("/api/stats", statsSchema, signal),
});
