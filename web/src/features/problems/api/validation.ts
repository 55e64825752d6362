import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import {
  checkStatusSchema,
  languageSchema,
  validationStatusSchema,
} from "../../../lib/closed-sets";

// The public part of the problem's validation (GET /api/problems/{id}/validation): what was proven,
// never a hidden test or a line of the problem's code.
export const validationSchema = z.object({
  status: validationStatusSchema,
  stressChecked: z.boolean(),
  checks: z.array(z.object({ name: z.string(), status: checkStatusSchema, detail: z.string() })),
  figures: z.object({
    referenceTests: z.number(),
    stressInputs: z.number(),
    wrongSolutionsCaught: z.number(),
    wrongSolutionsTotal: z.number(),
    mutantsKilled: z.number(),
    mutantsDistinguishable: z.number(),
    testsAdded: z.number(),
    // Every language, or the schema rejects it (a record keyed by an enum is exhaustive).
    timeLimitsMillis: z.record(languageSchema, z.number()),
    validationMillis: z.number(),
  }),
});

export type Validation = z.infer<typeof validationSchema>;

/** How often a pending validation is asked again: the server validates the bank after start-up. */
export const PENDING_POLL_MILLIS = 10_000;

export function validationQuery(problemId: string) {
  return queryOptions({
    queryKey: ["problem", problemId, "validation"],
    queryFn: ({ signal }) =>
      getJson(
        `/api/problems/${encodeURIComponent(problemId)}/validation`,
        validationSchema,
        signal,
      ),
    refetchInterval: (query) =>
      query.state.data?.status === "pending" ? PENDING_POLL_MILLIS : false,
  });
}
