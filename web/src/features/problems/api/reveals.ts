import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";

// Built on first use, like every schema the start-up code imports (lib/api-client.ts).
const revealsSchema = z.lazy(() =>
  z.object({
    hints: z.array(z.object({ index: z.number(), text: z.string() })),
    solutionViewed: z.boolean(),
  }),
);

export type Reveals = z.infer<typeof revealsSchema>;
export type RevealedHint = Reveals["hints"][number];

/** What this browser has already revealed for a problem, so a reload restores it. */
export function revealsQuery(problemId: string) {
  return queryOptions({
    queryKey: ["problem", problemId, "reveals"],
    queryFn: () => getJson(`/api/problems/${encodeURIComponent(problemId)}/reveals`, revealsSchema),
    staleTime: Infinity,
  });
}
