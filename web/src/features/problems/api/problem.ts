import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import {
  categorySchema,
  comparisonModeSchema,
  difficultySchema,
  languageSchema,
} from "../../../lib/closed-sets";

// Built on first use, like every schema the start-up code imports (lib/api-client.ts).
export const problemSchema = z.lazy(() => {
  const exampleSchema = z.object({
    args: z.array(z.unknown()),
    output: z.unknown(),
    explanation: z.optional(z.string()),
  });

  // Every language, or the schema rejects it (a record keyed by an enum is exhaustive).
  const byLanguage = z.record(languageSchema, z.string());

  return z.object({
    id: z.string(),
    version: z.number(),
    title: z.string(),
    category: categorySchema,
    difficulty: difficultySchema,
    tags: z.array(z.string()),
    estimatedMinutes: z.number(),
    statement: z.string(),
    constraints: z.array(z.string()),
    signature: z.object({
      function: z.string(),
      params: z.array(z.object({ name: z.string(), type: z.string() })),
      returns: z.string(),
    }),
    examples: z.array(exampleSchema),
    publicTests: z.array(z.object({ args: z.array(z.unknown()), expected: z.unknown() })),
    hintCount: z.number(),
    hiddenTestCount: z.number(),
    // Required: the server generates starter code (problem/StarterCode.java); a response without
    // it fails validation and the page shows why, rather than the web inventing code.
    starterCode: byLanguage,
    // Optional so the page still opens against a server that predates it.
    comparison: z.optional(
      z.object({
        mode: comparisonModeSchema,
        tolerance: z.optional(z.nullable(z.number())),
      }),
    ),
  });
});

export type Problem = z.infer<typeof problemSchema>;

export function problemQuery(id: string) {
  return queryOptions({
    queryKey: ["problem", id],
    queryFn: () => getJson(`/api/problems/${encodeURIComponent(id)}`, problemSchema),
  });
}
