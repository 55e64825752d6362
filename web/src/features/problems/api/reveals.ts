import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";

export const revealedHintSchema = z.object({ index: z.number(), text: z.string() });
export type RevealedHint = z.infer<typeof revealedHintSchema>;

const revealsSchema = z.object({
  hints: z.array(revealedHintSchema),
  solutionViewed: z.boolean(),
});

export type Reveals = z.infer<typeof revealsSchema>;

/** What this browser has already revealed for a problem, so a reload restores it. */
export function revealsQuery(problemId: string) {
  return queryOptions({
    queryKey: ["problem", problemId, "reveals"],
    queryFn: () => getJson(`/api/problems/${encodeURIComponent(problemId)}/reveals`, revealsSchema),
    staleTime: Infinity,
  });
}
