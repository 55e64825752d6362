import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import { attemptEventKindSchema } from "../../../lib/closed-sets";
// The one wire shape of a submission: the detail lists them as GET /api/submissions/{id} does.
import { submissionSchema } from "../../submissions/api/submission";
import { attemptSummaryShape } from "./attempts";

// Built on first use: the detail route's loader (in the entry) imports this module.
const eventSchema = z.lazy(() =>
  z.object({
    kind: attemptEventKindSchema,
    at: z.string(),
    detail: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  }),
);

const attemptDetailSchema = z.lazy(() =>
  z.object({
    ...attemptSummaryShape(),
    problemVersion: z.number(),
    events: z.array(eventSchema),
    reveals: z.optional(
      z.object({
        hints: z.array(z.object({ index: z.number(), text: z.string() })),
        solutionViewed: z.boolean(),
      }),
    ),
    submissions: z.array(submissionSchema),
  }),
);

export type AttemptDetail = z.infer<typeof attemptDetailSchema>;
export type AttemptEvent = z.infer<typeof eventSchema>;

/** One attempt with its events (oldest first) and its submissions (oldest first, with code). */
export function attemptDetailQuery(attemptId: string) {
  return queryOptions({
    queryKey: ["attempts", "detail", attemptId],
    queryFn: ({ signal }) =>
      getJson(`/api/attempts/${encodeURIComponent(attemptId)}`, attemptDetailSchema, signal),
  });
}
