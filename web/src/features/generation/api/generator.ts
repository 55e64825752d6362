import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import { llmProviderSchema } from "../../../lib/closed-sets";

// Built on first use (lib/api-client.ts says why): the home page's loader imports this.
export const generatorSchema = z.lazy(() =>
  z.object({
    provider: llmProviderSchema,
    model: z.nullable(z.string()),
    dailyQuota: z.number(),
    usedToday: z.number(),
    /** One sentence: where problems come from and what to configure for more. */
    note: z.string(),
  }),
);

export type Generator = z.infer<typeof generatorSchema>;

/** What the generator can do here: its model (or none, the bank) and today's quota. */
export const generatorQuery = queryOptions({
  queryKey: ["generator"],
  queryFn: ({ signal }) => getJson("/api/generator", generatorSchema, signal),
});
