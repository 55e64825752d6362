import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { createGeneration, generationQuery, type GenerationRequest } from "../api/generation";
import { generatorQuery } from "../api/generator";
import { markStarted } from "../model/started";

/**
 * Sends a generation request; on 202 hands the generation to its progress page (seeded, so that
 * page shows at once) and refreshes the quota. A refusal stays on the mutation for the form.
 */
export function useStartGeneration() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (request: GenerationRequest) => createGeneration(request),
    onSuccess: (generation) => {
      queryClient.setQueryData(generationQuery(generation.id).queryKey, generation);
      markStarted(generation.id);
      void queryClient.invalidateQueries({ queryKey: generatorQuery.queryKey });
      return navigate({
        to: "/generate/$generationId",
        params: { generationId: generation.id },
      });
    },
  });
}
