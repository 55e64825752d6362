import { useMutation } from "@tanstack/react-query";
import { z } from "zod/mini";
import { postJson } from "../../../lib/api-client";
import { useUpdateReveals } from "./reveals";

const hintSchema = z.object({
  index: z.number(),
  text: z.string(),
  revealed: z.number(),
  total: z.number(),
});

/** Reveals the next hint on the attempt; the server records it and refuses hints out of order. */
export function useRevealHint(problemId: string, attemptId: string | undefined) {
  const updateReveals = useUpdateReveals(problemId);
  return useMutation({
    mutationFn: (index: number) => {
      if (!attemptId) throw new Error("The attempt is not open yet; try again in a moment.");
      return postJson(
        `/api/attempts/${encodeURIComponent(attemptId)}/hints/${index}`,
        undefined,
        hintSchema,
      );
    },
    onSuccess: (hint) =>
      updateReveals((old) => {
        const hints = old.hints.filter((h) => h.index !== hint.index);
        hints.push({ index: hint.index, text: hint.text });
        hints.sort((a, b) => a.index - b.index);
        return { ...old, hints };
      }),
  });
}
