import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Language } from "../../../lib/closed-sets";
import { attemptQuery, type Attempt, type Reveals } from "../../workspace/api/attempt";

export type { Reveals, RevealedHint } from "../../workspace/api/attempt";

/**
 * What this attempt has revealed, so a reload restores it: read from the attempt the workspace
 * opens (one request for both).
 */
export function useReveals(problemId: string, language: Language) {
  const attempt = useQuery(attemptQuery(problemId, language));
  return { ...attempt, data: attempt.data?.reveals, attemptId: attempt.data?.id };
}

/** Changes the cached reveals of the attempt at `problemId` after a reveal the server recorded. */
export function useUpdateReveals(problemId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (update: (reveals: Reveals) => Reveals) =>
      queryClient.setQueryData<Attempt>(["attempt", problemId], (old) =>
        old ? { ...old, reveals: update(old.reveals) } : old,
      ),
    [queryClient, problemId],
  );
}
