import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useCallback, useState } from "react";
import { createGeneration, generationQuery, type GenerationRequest } from "../api/generation";
import { generatorQuery } from "../api/generator";
import { markStarted } from "../model/started";

/**
 * Sends a generation request; on 202 hands the generation to its progress page (seeded, so that
 * page shows at once) and refreshes the quota. A refusal is kept for the form to show.
 * Plain state rather than useMutation: the home page would load the mutation machinery for this
 * one request.
 */
export function useStartGeneration() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const start = useCallback(
    async (request: GenerationRequest) => {
      setPending(true);
      setError(null);
      try {
        const generation = await createGeneration(request);
        queryClient.setQueryData(generationQuery(generation.id).queryKey, generation);
        markStarted(generation.id);
        void queryClient.invalidateQueries({ queryKey: generatorQuery.queryKey });
        await navigate({ to: "/generate/$generationId", params: { generationId: generation.id } });
      } catch (reason) {
        setError(reason instanceof Error ? reason : new Error(String(reason)));
      } finally {
        setPending(false);
      }
    },
    [queryClient, navigate],
  );
  return { start, pending, error };
}
