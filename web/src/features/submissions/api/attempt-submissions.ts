import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import { attemptStateSchema, categorySchema, difficultySchema } from "../../../lib/closed-sets";
import { submissionSchema } from "./submission";

// What the workspace needs of the attempt's detail (GET /api/attempts/{id}): its submissions for
// the Submissions tab, and what the verdict banner reports (hints, solution, the frozen timer).
const attemptSubmissionsSchema = z.object({
  id: z.string(),
  problemId: z.string(),
  category: categorySchema,
  difficulty: difficultySchema,
  state: attemptStateSchema,
  hintsUsed: z.number(),
  solutionViewed: z.boolean(),
  timer: z.object({
    elapsedMillis: z.number(),
    running: z.boolean(),
    started: z.boolean(),
    estimateMinutes: z.number(),
  }),
  submissions: z.array(submissionSchema),
});

export type AttemptSubmissions = z.infer<typeof attemptSubmissionsSchema>;

export const attemptSubmissionsKey = (attemptId: string) => ["attempt-submissions", attemptId];

export function attemptSubmissionsQuery(attemptId: string) {
  return queryOptions({
    queryKey: attemptSubmissionsKey(attemptId),
    queryFn: ({ signal }) =>
      getJson(`/api/attempts/${encodeURIComponent(attemptId)}`, attemptSubmissionsSchema, signal),
  });
}
