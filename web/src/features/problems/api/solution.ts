import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { z } from "zod/mini";
import { postJson } from "../../../lib/api-client";
import { revealsQuery, type Reveals } from "./reveals";

const solutionSchema = z.object({
  solutions: z.object({ javascript: z.string(), python: z.string(), java: z.string() }),
  explanation: z.string(),
  complexity: z.object({ time: z.string(), space: z.string() }),
});

export type Solution = z.infer<typeof solutionSchema>;

/**
 * The example solution. Fetching it records that it was opened, so the query only runs once the
 * user has confirmed (or had already opened it before).
 */
export function solutionQuery(problemId: string) {
  return queryOptions({
    queryKey: ["problem", problemId, "solution"],
    queryFn: () =>
      postJson(
        `/api/problems/${encodeURIComponent(problemId)}/solution`,
        undefined,
        solutionSchema,
      ),
    staleTime: Infinity,
    retry: false,
  });
}

/** Marks the solution as viewed in the cached reveals once it has been fetched. */
export function useMarkSolutionViewed(problemId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.setQueryData<Reveals>(revealsQuery(problemId).queryKey, (old) => ({
        hints: old?.hints ?? [],
        solutionViewed: true,
      })),
    [queryClient, problemId],
  );
}
