import { queryOptions } from "@tanstack/react-query";
import { useCallback } from "react";
import { z } from "zod/mini";
import { postJson } from "../../../lib/api-client";
import { useUpdateReveals } from "./reveals";

const solutionSchema = z.object({
  solutions: z.object({ javascript: z.string(), python: z.string(), java: z.string() }),
  explanation: z.string(),
  complexity: z.object({ time: z.string(), space: z.string() }),
});

export type Solution = z.infer<typeof solutionSchema>;

/**
 * The example solution. Fetching it records on the attempt that it was opened, so the query only
 * runs once the user has confirmed (or had already opened it before).
 */
export function solutionQuery(problemId: string, attemptId: string | undefined) {
  return queryOptions({
    queryKey: ["problem", problemId, "solution"],
    queryFn: () =>
      postJson(
        `/api/attempts/${encodeURIComponent(attemptId ?? "")}/solution`,
        undefined,
        solutionSchema,
      ),
    enabled: attemptId !== undefined,
    staleTime: Infinity,
    retry: false,
  });
}

/** Marks the solution as viewed in the cached reveals once it has been fetched. */
export function useMarkSolutionViewed(problemId: string) {
  const updateReveals = useUpdateReveals(problemId);
  return useCallback(
    () => updateReveals((old) => ({ ...old, solutionViewed: true })),
    [updateReveals],
  );
}
