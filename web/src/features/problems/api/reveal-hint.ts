import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { postJson } from "../../../lib/api-client";
import { revealsQuery, type Reveals } from "./reveals";

const hintSchema = z.object({
  index: z.number(),
  text: z.string(),
  revealed: z.number(),
  total: z.number(),
});

/** Reveals the next hint; the server records the reveal and refuses hints out of order. */
export function useRevealHint(problemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (index: number) =>
      postJson(
        `/api/problems/${encodeURIComponent(problemId)}/hints/${index}`,
        undefined,
        hintSchema,
      ),
    onSuccess: (hint) => {
      queryClient.setQueryData<Reveals>(revealsQuery(problemId).queryKey, (old) => {
        const hints = (old?.hints ?? []).filter((h) => h.index !== hint.index);
        hints.push({ index: hint.index, text: hint.text });
        hints.sort((a, b) => a.index - b.index);
        return { hints, solutionViewed: old?.solutionViewed ?? false };
      });
    },
  });
}
